import { Module } from '@nestjs/common';
import { AuditModule } from '@corroborate/api-audit';
import { AuthModule } from '@corroborate/api-auth';
import { CapturesModule } from '@corroborate/api-captures';
import { ClaimsModule } from '@corroborate/api-claims';
import { EvidenceModule } from '@corroborate/api-evidence';
import { SourcesModule } from '@corroborate/api-sources';
import { DuplicatesService } from './duplicates.service';
import { ImportsController } from './imports.controller';
import { ImportsService } from './imports.service';
import { IntakeResolver } from './intake.resolver';
import { MergeService } from './merge.service';

/** Intake at scale: file imports, claim extraction from articles, likely duplicates and merging. */
@Module({
  imports: [AuditModule, AuthModule, ClaimsModule, SourcesModule, EvidenceModule, CapturesModule],
  controllers: [ImportsController],
  providers: [ImportsService, DuplicatesService, MergeService, IntakeResolver],
  exports: [ImportsService, DuplicatesService, MergeService],
})
export class ImportsModule {}
