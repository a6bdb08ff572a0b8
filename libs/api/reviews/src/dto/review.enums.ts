import { registerEnumType } from '@nestjs/graphql';
import {
  CONFIDENCE_LABELS,
  CONFIDENCE_LEVELS,
  type Confidence as DomainConfidence,
  LIKELIHOOD_LABELS,
  LIKELIHOODS,
  type Likelihood as DomainLikelihood,
  VERDICT_LABELS,
  VERDICTS,
  type Verdict as DomainVerdict,
} from '@corroborate/domain';
import {
  ASSESSMENT_STATUSES,
  ASSIGNMENT_STATUSES,
  type AssessmentStatusValue,
  type AssignmentStatusValue,
} from '../review.entities';

function enumObject<T extends string>(values: readonly T[]): { readonly [K in T]: K } {
  return Object.fromEntries(values.map((v) => [v, v])) as { readonly [K in T]: K };
}

export const Verdict = enumObject<DomainVerdict>(VERDICTS);
export type Verdict = DomainVerdict;
registerEnumType(Verdict, {
  name: 'Verdict',
  description:
    'FALSE < MOSTLY_FALSE < MIXED < MOSTLY_TRUE < TRUE; UNVERIFIABLE is outside the scale.',
  valuesMap: Object.fromEntries(VERDICTS.map((v) => [v, { description: VERDICT_LABELS[v] }])),
});

export const Likelihood = enumObject<DomainLikelihood>(LIKELIHOODS);
export type Likelihood = DomainLikelihood;
registerEnumType(Likelihood, {
  name: 'Likelihood',
  description: 'ICD 203 probability terms.',
  valuesMap: Object.fromEntries(LIKELIHOODS.map((v) => [v, { description: LIKELIHOOD_LABELS[v] }])),
});

export const Confidence = enumObject<DomainConfidence>(CONFIDENCE_LEVELS);
export type Confidence = DomainConfidence;
registerEnumType(Confidence, {
  name: 'Confidence',
  valuesMap: Object.fromEntries(
    CONFIDENCE_LEVELS.map((v) => [v, { description: CONFIDENCE_LABELS[v] }]),
  ),
});

export const AssignmentStatus = enumObject<AssignmentStatusValue>(ASSIGNMENT_STATUSES);
export type AssignmentStatus = AssignmentStatusValue;
registerEnumType(AssignmentStatus, {
  name: 'AssignmentStatus',
  valuesMap: {
    OPEN: { description: 'Assigned; the reviewer has not submitted yet.' },
    SUBMITTED: { description: 'The reviewer submitted an assessment.' },
    DECLINED: { description: 'The reviewer declined, with a reason.' },
  },
});

export const AssessmentStatus = enumObject<AssessmentStatusValue>(ASSESSMENT_STATUSES);
export type AssessmentStatus = AssessmentStatusValue;
registerEnumType(AssessmentStatus, {
  name: 'AssessmentStatus',
  valuesMap: {
    DRAFT: { description: 'Saved but not submitted; seen only by its author.' },
    SUBMITTED: { description: 'Final; the current submission of its reviewer.' },
    SUPERSEDED: { description: 'An earlier submission replaced by a correction (kept).' },
  },
});

export const AGREEMENT_METRICS = ['NOMINAL', 'ORDINAL'] as const;
export type AgreementMetric = (typeof AGREEMENT_METRICS)[number];
export const AgreementMetric = enumObject<AgreementMetric>(AGREEMENT_METRICS);
registerEnumType(AgreementMetric, { name: 'AgreementMetric' });
