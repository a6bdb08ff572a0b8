import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { UserType } from '@corroborate/api-users';
import {
  AgreementMetric,
  AssessmentStatus,
  AssignmentStatus,
  Confidence,
  Likelihood,
  Verdict,
} from './review.enums';

/** claim, reviewer and assignedBy are resolved by AssignmentResolver. */
@ObjectType('Assignment')
export class AssignmentType {
  @Field(() => ID)
  id: string;

  claimId: string;
  reviewerId: string;
  assignedById: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  dueAt: Date | null;

  @Field(() => AssignmentStatus)
  status: AssignmentStatus;

  @Field(() => String, { nullable: true })
  declineReason: string | null;

  @Field(() => GraphQLISODateTime)
  createdAt: Date;
}

/** claim, reviewer, evidence and supersedes are resolved by AssessmentResolver. */
@ObjectType('Assessment', {
  description:
    'One reviewer’s judgement of a claim. Blind: a reviewer sees others’ assessments of a claim only after submitting their own.',
})
export class AssessmentType {
  @Field(() => ID)
  id: string;

  claimId: string;
  reviewerId: string;
  supersedesId: string | null;

  @Field(() => Verdict, { nullable: true, description: 'Null only in a draft.' })
  verdict: Verdict | null;

  @Field(() => Likelihood, { nullable: true })
  likelihood: Likelihood | null;

  @Field(() => Confidence, { nullable: true })
  confidence: Confidence | null;

  @Field(() => String, { nullable: true })
  rationale: string | null;

  @Field(() => AssessmentStatus)
  status: AssessmentStatus;

  @Field(() => String, {
    nullable: true,
    description: 'Why this submission corrects an earlier one.',
  })
  correctionReason: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  submittedAt: Date | null;

  @Field(() => GraphQLISODateTime)
  createdAt: Date;

  @Field(() => GraphQLISODateTime)
  updatedAt: Date;
}

@ObjectType('DisagreementReason')
export class DisagreementReasonType {
  @Field({ description: 'VERDICT_SPREAD or LIKELIHOOD_NO_OVERLAP.' })
  code: string;

  @Field()
  message: string;

  @Field(() => [ID], { description: 'The two assessments furthest apart.' })
  assessmentIds: string[];
}

@ObjectType('Disagreement')
export class DisagreementType {
  @Field()
  flagged: boolean;

  @Field(() => [DisagreementReasonType])
  reasons: DisagreementReasonType[];
}

@ObjectType('ReviewerLoad')
export class ReviewerLoadType {
  @Field(() => UserType)
  reviewer: UserType;

  @Field(() => Int, { description: 'OPEN assignments before this auto-assignment.' })
  openBefore: number;

  @Field(() => Int, { description: 'Assignments made by this auto-assignment.' })
  assigned: number;

  @Field(() => Int, { description: 'OPEN assignments now.' })
  openAfter: number;
}

@ObjectType('AutoAssignPayload')
export class AutoAssignPayload {
  @Field(() => [AssignmentType], { description: 'The assignments made.' })
  assignments: AssignmentType[];

  @Field(() => [ReviewerLoadType])
  loads: ReviewerLoadType[];

  @Field(() => [ID], {
    description: 'Claims that could not be filled up to requiredReviews with the chosen reviewers.',
  })
  unfilledClaimIds: string[];
}

@ObjectType('Agreement', {
  description:
    "Krippendorff's alpha over the latest submitted verdicts (UNVERIFIABLE as missing); claims are the units.",
})
export class AgreementType {
  @Field(() => AgreementMetric)
  metric: AgreementMetric;

  @Field(() => Float, { nullable: true, description: 'Null when not computable.' })
  alpha: number | null;

  @Field()
  computable: boolean;

  @Field(() => String, { nullable: true, description: 'Why alpha is not computable.' })
  reason: string | null;

  @Field(() => Float, { description: 'The number of pairable values alpha rests on.' })
  pairableValues: number;

  @Field(() => Int, { description: 'Claims with verdicts from at least two reviewers.' })
  units: number;

  @Field(() => [UserType], { description: 'Reviewers whose verdicts were used.' })
  reviewers: UserType[];
}

/** claim, adjudicatedBy, citedAssessments and citedEvidence are resolved by AdjudicationResolver. */
@ObjectType('Adjudication')
export class AdjudicationType {
  @Field(() => ID)
  id: string;

  claimId: string;
  adjudicatedById: string | null;
  citedAssessmentIds: string[];
  citedEvidenceIds: string[];

  @Field(() => Verdict)
  verdict: Verdict;

  @Field(() => Likelihood)
  likelihood: Likelihood;

  @Field(() => Confidence)
  confidence: Confidence;

  @Field()
  publicSummary: string;

  @Field(() => GraphQLISODateTime, { nullable: true })
  reopenedAt: Date | null;

  @Field(() => String, { nullable: true })
  reopenReason: string | null;

  @Field(() => GraphQLISODateTime)
  createdAt: Date;
}
