import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { ClaimStatus } from '@corroborate/api-claims';
import { Verdict } from '@corroborate/api-reviews';
import { UserType } from '@corroborate/api-users';

@ObjectType('StatusCount')
export class StatusCountType {
  @Field(() => ClaimStatus)
  status: ClaimStatus;

  @Field(() => Int)
  count: number;
}

@ObjectType('WeeklyThroughput')
export class WeeklyThroughputType {
  @Field({ description: 'The Monday the ISO week starts on, YYYY-MM-DD (UTC).' })
  weekStart: string;

  @Field(() => Int, { description: 'Claims taken in that week.' })
  intake: number;

  @Field(() => Int, { description: 'Claims verified that week (and still verified).' })
  verified: number;
}

@ObjectType('VerdictCount')
export class VerdictCountType {
  @Field(() => Verdict)
  verdict: Verdict;

  @Field(() => Int)
  count: number;
}

@ObjectType('TimeToVerify')
export class TimeToVerifyType {
  @Field(() => Float, {
    nullable: true,
    description: 'Median seconds from intake to verification; null when nothing was verified.',
  })
  medianSeconds: number | null;

  @Field(() => Int, { description: 'The number of verified claims the median rests on.' })
  claims: number;
}

@ObjectType('DashboardReviewerLoad')
export class DashboardReviewerLoadType {
  @Field(() => UserType)
  reviewer: UserType;

  @Field(() => Int, { description: 'Assignments not yet submitted or declined.' })
  open: number;

  @Field(() => Int, { description: 'Open assignments past their due date.' })
  overdue: number;

  @Field(() => Int, { description: 'Assessments submitted in the range.' })
  submitted: number;
}

@ObjectType('MonthlyAgreement', {
  description:
    "Krippendorff's alpha (ordinal, UNVERIFIABLE as missing) over the claims whose last verdict was submitted that month.",
})
export class MonthlyAgreementType {
  @Field({ description: 'YYYY-MM (UTC).' })
  month: string;

  @Field(() => Float, { nullable: true, description: 'Null when not computable.' })
  alpha: number | null;

  @Field()
  computable: boolean;

  @Field(() => String, { nullable: true, description: 'Why alpha is not computable.' })
  reason: string | null;

  @Field(() => Int, { description: 'The number of pairable values alpha rests on.' })
  pairableValues: number;

  @Field(() => Int, { description: 'Claims with verdicts from at least two reviewers.' })
  units: number;
}

@ObjectType('Dashboard', {
  description:
    'Figures over a project (or all) and a range of UTC days: claims taken in within the range by current status, claims verified within it, reviewers’ load and agreement.',
})
export class DashboardType {
  @Field(() => Int, {
    description: 'Claims taken in within the range and not yet verified or rejected.',
  })
  open: number;

  @Field(() => Int, { description: 'Claims verified within the range (and still verified).' })
  verified: number;

  @Field(() => Int, { description: 'Open claims past their due date (now).' })
  overdue: number;

  @Field(() => [StatusCountType], {
    description:
      'Claims taken in within the range, by current status (every status, zeros included).',
  })
  statusCounts: StatusCountType[];

  @Field(() => [WeeklyThroughputType])
  throughput: WeeklyThroughputType[];

  @Field(() => TimeToVerifyType)
  timeToVerify: TimeToVerifyType;

  @Field(() => [VerdictCountType], {
    description:
      'Final verdicts of claims verified within the range (every verdict, zeros included).',
  })
  verdicts: VerdictCountType[];

  @Field(() => [DashboardReviewerLoadType], {
    description: 'Every active reviewer, and anyone else holding assignments, busiest first.',
  })
  reviewerLoad: DashboardReviewerLoadType[];

  @Field(() => [MonthlyAgreementType])
  agreement: MonthlyAgreementType[];
}
