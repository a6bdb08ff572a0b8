import {
  CLAIM_STATUSES,
  CLAIM_STATUS_LABELS,
  CREDIBILITY_GRADES,
  CREDIBILITY_LABELS,
  EVIDENCE_STANCES,
  EVIDENCE_STANCE_LABELS,
  PRIORITIES,
  PRIORITY_LABELS,
  RELIABILITY_GRADES,
  RELIABILITY_LABELS,
  SOURCE_KINDS,
  type ClaimStatus,
  type EvidenceStance,
  type Priority,
  type Reliability,
  type SourceKind,
} from '@corroborate/domain';

export {
  CLAIM_STATUSES,
  CLAIM_STATUS_LABELS,
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
