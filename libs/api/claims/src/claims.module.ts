import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@corroborate/api-audit';
import { ProjectsModule } from '@corroborate/api-projects';
import { ClaimEntity, ClaimTopicEntity } from './claim.entity';
import { ClaimPreloads } from './claim-preloads';
import { ClaimsRepository } from './claims.repository';
import { AuditEventResolver, ClaimConnectionResolver, ClaimsResolver } from './claims.resolver';
import { ClaimsService } from './claims.service';
import { FieldChangeResolver, HistoryLabels } from './history-labels';
import { ProjectClaimCounts, ProjectClaimCountsResolver } from './project-claim-counts';

@Module({
  imports: [TypeOrmModule.forFeature([ClaimEntity, ClaimTopicEntity]), AuditModule, ProjectsModule],
  providers: [
    ClaimsService,
    ClaimsRepository,
    ClaimPreloads,
    ClaimsResolver,
    ClaimConnectionResolver,
    AuditEventResolver,
    HistoryLabels,
    FieldChangeResolver,
    ProjectClaimCounts,
    ProjectClaimCountsResolver,
  ],
  exports: [ClaimsService, ClaimsRepository, ClaimPreloads],
})
export class ClaimsModule {}
