import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@corroborate/api-audit';
import { SourceEntity } from './source.entity';
import { SourcesResolver } from './sources.resolver';
import { SourcesService } from './sources.service';

@Module({
  imports: [TypeOrmModule.forFeature([SourceEntity]), AuditModule],
  providers: [SourcesService, SourcesResolver],
  exports: [SourcesService],
})
export class SourcesModule {}
