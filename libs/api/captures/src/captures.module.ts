import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@corroborate/api-audit';
import { CaptureEntity } from './capture.entity';

@Module({
  imports: [TypeOrmModule.forFeature([CaptureEntity]), AuditModule],
  providers: [],
  exports: [],
})
export class CapturesModule {}
