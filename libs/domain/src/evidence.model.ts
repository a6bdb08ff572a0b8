/** Stance of an evidence item toward the claim it is attached to (product spec, "Evidence"). */
export const EVIDENCE_STANCES = ['SUPPORTS', 'REFUTES', 'MIXED', 'CONTEXT'] as const;
export type EvidenceStance = (typeof EVIDENCE_STANCES)[number];

export const EVIDENCE_STANCE_LABELS: Readonly<Record<EvidenceStance, string>> = {
  SUPPORTS: 'Supports',
  REFUTES: 'Refutes',
  MIXED: 'Mixed',
  CONTEXT: 'Context',
};

export function isEvidenceStance(value: unknown): value is EvidenceStance {
  return typeof value === 'string' && (EVIDENCE_STANCES as readonly string[]).includes(value);
}

/** Kinds of source in the registry (product spec, "Source"). */
export const SOURCE_KINDS = [
  'OFFICIAL',
  'INTERNATIONAL_ORG',
  'NGO',
  'MEDIA',
  'WIRE_AGENCY',
  'SOCIAL_MEDIA',
  'EYEWITNESS',
  'ACADEMIC',
  'OTHER',
] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export function isSourceKind(value: unknown): value is SourceKind {
  return typeof value === 'string' && (SOURCE_KINDS as readonly string[]).includes(value);
}

/** Assignment states (product spec, "Assignment"). */
export const ASSIGNMENT_STATUSES = ['OPEN', 'SUBMITTED', 'DECLINED'] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

/**
 * A reported quantity: a value (min === max) or a range, with its unit and optionally the date
 * it holds for. Open-ended reports use Infinity: "more than 30,000" → {min: 30000, max: Infinity}.
 */
export interface QuantityReport {
  readonly min: number;
  readonly max: number;
  readonly unit: string;
  readonly asOf?: string | null;
}
