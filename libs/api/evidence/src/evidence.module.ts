import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@corroborate/api-audit';
import { ClaimsModule } from '@corroborate/api-claims';
import { SourcesModule } from '@corroborate/api-sources';
import { ClaimEvidenceResolver } from './claim-evidence.resolver';
import { EvidenceEntity } from './evidence.entity';
import { EvidenceResolver } from './evidence.resolver';
import { EvidenceService } from './evidence.service';
import { SourceRegradeSubscriber } from './regrade.subscriber';
import { SourceEvidenceResolver } from './source-evidence.resolver';

@Module({
  imports: [TypeOrmModule.forFeature([EvidenceEntity]), AuditModule, ClaimsModule, SourcesModule],
  providers: [
    EvidenceService,
    EvidenceResolver,
    ClaimEvidenceResolver,
    SourceEvidenceResolver,
    SourceRegradeSubscriber,
  ],
  exports: [EvidenceService],
})
export class EvidenceModule {}
