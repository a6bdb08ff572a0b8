import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@corroborate/api-audit';
import { SourceEntity } from './source.entity';

@Module({
  imports: [TypeOrmModule.forFeature([SourceEntity]), AuditModule],
  providers: [],
  exports: [],
})
export class SourcesModule {}
