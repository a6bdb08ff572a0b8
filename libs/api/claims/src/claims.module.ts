import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@corroborate/api-audit';
import { ProjectsModule } from '@corroborate/api-projects';
import { ClaimEntity, ClaimTopicEntity } from './claim.entity';
import { ClaimsRepository } from './claims.repository';
import { AuditEventResolver, ClaimConnectionResolver, ClaimsResolver } from './claims.resolver';
import { ClaimsService } from './claims.service';
import { FieldChangeResolver, HistoryLabels } from './history-labels';

@Module({
  imports: [TypeOrmModule.forFeature([ClaimEntity, ClaimTopicEntity]), AuditModule, ProjectsModule],
  providers: [
    ClaimsService,
    ClaimsRepository,
    ClaimsResolver,
    ClaimConnectionResolver,
    AuditEventResolver,
    HistoryLabels,
    FieldChangeResolver,
  ],
  exports: [ClaimsService, ClaimsRepository],
})
export class ClaimsModule {}
