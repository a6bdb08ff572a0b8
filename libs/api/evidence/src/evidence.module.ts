import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@corroborate/api-audit';
import { EvidenceEntity } from './evidence.entity';

@Module({
  imports: [TypeOrmModule.forFeature([EvidenceEntity]), AuditModule],
  providers: [],
  exports: [],
})
export class EvidenceModule {}
