/**
 * Verdict scale for a reviewer's assessment and an editor's adjudication.
 *
 * The five rated verdicts form an ordinal scale (Corroborate product spec, "Assessment"):
 *   FALSE < MOSTLY_FALSE < MIXED < MOSTLY_TRUE < TRUE
 * UNVERIFIABLE sits outside the scale: it is not "between" anything, so it has no rank,
 * no distance to other verdicts, and agreement statistics treat it as a missing value.
 */

/** The ordinal verdict scale, worst (falsest) first. Index = rank. */
export const VERDICT_SCALE = ['FALSE', 'MOSTLY_FALSE', 'MIXED', 'MOSTLY_TRUE', 'TRUE'] as const;

/** A verdict that has a place on the ordinal scale. */
export type RatedVerdict = (typeof VERDICT_SCALE)[number];

/** The verdict that cannot be placed on the scale. */
export const UNVERIFIABLE = 'UNVERIFIABLE' as const;

/** Every verdict a reviewer may give. */
export type Verdict = RatedVerdict | typeof UNVERIFIABLE;

/** All verdicts: the ordered scale followed by UNVERIFIABLE. */
export const VERDICTS: readonly Verdict[] = [...VERDICT_SCALE, UNVERIFIABLE];

/** Human-readable label for each verdict. */
export const VERDICT_LABELS: Readonly<Record<Verdict, string>> = {
  FALSE: 'False',
  MOSTLY_FALSE: 'Mostly false',
  MIXED: 'Mixed',
  MOSTLY_TRUE: 'Mostly true',
  TRUE: 'True',
  UNVERIFIABLE: 'Unverifiable',
};

/** Type guard: is `value` one of the verdict names? */
export function isVerdict(value: unknown): value is Verdict {
  return typeof value === 'string' && (VERDICTS as readonly string[]).includes(value);
}

/** Type guard: is `value` a verdict on the ordinal scale (i.e. not UNVERIFIABLE)? */
export function isRatedVerdict(value: unknown): value is RatedVerdict {
  return typeof value === 'string' && (VERDICT_SCALE as readonly string[]).includes(value);
}

/**
 * Position of a verdict on the ordinal scale: FALSE = 0 … TRUE = 4.
 * Returns null for UNVERIFIABLE, which has no position.
 */
export function verdictRank(verdict: Verdict): number | null {
  const index = (VERDICT_SCALE as readonly string[]).indexOf(verdict);
  return index === -1 ? null : index;
}

/**
 * Number of scale steps between two verdicts (always >= 0), e.g.
 * verdictDistance('FALSE', 'MIXED') === 2. Returns null if either verdict is UNVERIFIABLE.
 */
export function verdictDistance(a: Verdict, b: Verdict): number | null {
  const ra = verdictRank(a);
  const rb = verdictRank(b);
  if (ra === null || rb === null) return null;
  return Math.abs(ra - rb);
}
