import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@corroborate/api-audit';
import { ClaimsModule } from '@corroborate/api-claims';
import { EvidenceModule } from '@corroborate/api-evidence';
import { NotificationsModule } from '@corroborate/api-notifications';
import {
  AdjudicationEntity,
  AssessmentEntity,
  AssessmentEvidenceEntity,
  AssignmentEntity,
} from './review.entities';
import {
  AdjudicationResolver,
  AssessmentResolver,
  AssignmentResolver,
  ClaimReviewsResolver,
  ReviewsResolver,
  UserLoadResolver,
} from './reviews.resolver';
import { ReviewsService } from './reviews.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      AssignmentEntity,
      AssessmentEntity,
      AssessmentEvidenceEntity,
      AdjudicationEntity,
    ]),
    AuditModule,
    ClaimsModule,
    EvidenceModule,
    NotificationsModule,
  ],
  providers: [
    ReviewsService,
    ReviewsResolver,
    ClaimReviewsResolver,
    AssignmentResolver,
    AssessmentResolver,
    AdjudicationResolver,
    UserLoadResolver,
  ],
  exports: [ReviewsService],
})
export class ReviewsModule {}
