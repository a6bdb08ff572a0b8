import {
  CLAIM_STATUSES,
  CLAIM_STATUS_LABELS,
  CONFIDENCE_LABELS,
  CONFIDENCE_LEVELS,
  CREDIBILITY_GRADES,
  CREDIBILITY_LABELS,
  EVIDENCE_STANCES,
  EVIDENCE_STANCE_LABELS,
  LIKELIHOODS,
  LIKELIHOOD_BANDS,
  LIKELIHOOD_LABELS,
  PRIORITIES,
  PRIORITY_LABELS,
  RELIABILITY_GRADES,
  RELIABILITY_LABELS,
  SOURCE_KINDS,
  VERDICTS,
  VERDICT_LABELS,
  type ClaimStatus,
  type EvidenceStance,
  type Likelihood,
  type Priority,
  type Reliability,
  type SourceKind,
  type Verdict,
} from '@corroborate/domain';

export {
  CLAIM_STATUSES,
  CLAIM_STATUS_LABELS,
  CONFIDENCE_LABELS,
  LIKELIHOOD_LABELS,
  VERDICT_LABELS,
  CREDIBILITY_GRADES,
  CREDIBILITY_LABELS,
  EVIDENCE_STANCES,
  EVIDENCE_STANCE_LABELS,
  PRIORITIES,
  PRIORITY_LABELS,
  RELIABILITY_GRADES,
  RELIABILITY_LABELS,
  SOURCE_KINDS,
};

export const SOURCE_KIND_LABELS: Readonly<Record<SourceKind, string>> = {
  OFFICIAL: 'Official',
  INTERNATIONAL_ORG: 'International organisation',
  NGO: 'NGO',
  MEDIA: 'Media outlet',
  WIRE_AGENCY: 'Wire agency',
  SOCIAL_MEDIA: 'Social media',
  EYEWITNESS: 'Eyewitness',
  ACADEMIC: 'Academic',
  OTHER: 'Other',
};

/** Badge colours; all pass WCAG AA with the theme's light-variant text colours. */
export const CLAIM_STATUS_COLORS: Readonly<Record<ClaimStatus, string>> = {
  NEW: 'blue',
  IN_REVIEW: 'violet',
  NEEDS_ADJUDICATION: 'grape',
  VERIFIED: 'teal',
  REJECTED: 'gray',
};

export const PRIORITY_COLORS: Readonly<Record<Priority, string>> = {
  LOW: 'gray',
  NORMAL: 'blue',
  HIGH: 'pink',
  URGENT: 'red',
};

export const STANCE_COLORS: Readonly<Record<EvidenceStance, string>> = {
  SUPPORTS: 'teal',
  REFUTES: 'red',
  MIXED: 'grape',
  CONTEXT: 'gray',
};

export const RELIABILITY_COLORS: Readonly<Record<Reliability, string>> = {
  A: 'teal',
  B: 'teal',
  C: 'blue',
  D: 'pink',
  E: 'red',
  F: 'gray',
};

/** Select options "B — Usually reliable". */
export const RELIABILITY_OPTIONS = RELIABILITY_GRADES.map((grade) => ({
  value: grade,
  label: `${grade} — ${RELIABILITY_LABELS[grade]}`,
}));

/** Select options "2 — Probably true". */
export const CREDIBILITY_OPTIONS = CREDIBILITY_GRADES.map((grade) => ({
  value: String(grade),
  label: `${grade} — ${CREDIBILITY_LABELS[grade]}`,
}));

export const SOURCE_KIND_OPTIONS = SOURCE_KINDS.map((kind) => ({
  value: kind,
  label: SOURCE_KIND_LABELS[kind],
}));

export const PRIORITY_OPTIONS = PRIORITIES.map((priority) => ({
  value: priority,
  label: PRIORITY_LABELS[priority],
}));

export const STANCE_OPTIONS = EVIDENCE_STANCES.map((stance) => ({
  value: stance,
  label: EVIDENCE_STANCE_LABELS[stance],
}));

export const CLAIM_STATUS_OPTIONS = CLAIM_STATUSES.map((status) => ({
  value: status,
  label: CLAIM_STATUS_LABELS[status],
}));

export function isSourceKindValue(value: unknown): value is SourceKind {
  return typeof value === 'string' && (SOURCE_KINDS as readonly string[]).includes(value);
}

/** Verdict options, the ordinal scale (FALSE … TRUE) then UNVERIFIABLE. */
export const VERDICT_OPTIONS = VERDICTS.map((verdict) => ({
  value: verdict,
  label: VERDICT_LABELS[verdict],
}));

/** Likelihood options with their ICD 203 percentage bands, e.g. "likely / probable (55–80%)". */
export const LIKELIHOOD_OPTIONS = LIKELIHOODS.map((likelihood) => ({
  value: likelihood,
  label: likelihoodLabel(likelihood),
}));

export const CONFIDENCE_OPTIONS = CONFIDENCE_LEVELS.map((level) => ({
  value: level,
  label: CONFIDENCE_LABELS[level],
}));

/** "likely / probable (55–80%)". */
export function likelihoodLabel(likelihood: Likelihood): string {
  const band = LIKELIHOOD_BANDS[likelihood];
  return `${LIKELIHOOD_LABELS[likelihood]} (${band.min}–${band.max}%)`;
}

/** Badge colours for verdicts; all pass WCAG AA with the light-variant text colours. */
export const VERDICT_COLORS: Readonly<Record<Verdict, string>> = {
  FALSE: 'red',
  MOSTLY_FALSE: 'pink',
  MIXED: 'grape',
  MOSTLY_TRUE: 'teal',
  TRUE: 'teal',
  UNVERIFIABLE: 'gray',
};
