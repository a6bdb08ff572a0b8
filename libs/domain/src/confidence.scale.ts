/**
 * Analytic confidence: how much a reviewer trusts their own judgement, separate from the
 * likelihood of the claim (ICD 203 D.6.b(2)(a) asks for confidence and likelihood to be
 * expressed separately; the LOW / MODERATE / HIGH terms follow common IC practice).
 */
export const CONFIDENCE_LEVELS = ['LOW', 'MODERATE', 'HIGH'] as const;
export type Confidence = (typeof CONFIDENCE_LEVELS)[number];

export const CONFIDENCE_LABELS: Readonly<Record<Confidence, string>> = {
  LOW: 'Low confidence',
  MODERATE: 'Moderate confidence',
  HIGH: 'High confidence',
};

export function isConfidence(value: unknown): value is Confidence {
  return typeof value === 'string' && (CONFIDENCE_LEVELS as readonly string[]).includes(value);
}

/** 0 for LOW … 2 for HIGH. */
export function confidenceRank(level: Confidence): number {
  return CONFIDENCE_LEVELS.indexOf(level);
}
