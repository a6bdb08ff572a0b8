/**
 * Likelihood ("probability") expressions from US Intelligence Community Directive 203,
 * "Analytic Standards" (ODNI, 2015), section D.6.b(2)(a). Each term may be stated with
 * either of its two synonyms and covers the given percentage range:
 *
 *   almost no chance / remote                01–05%
 *   very unlikely / highly improbable        05–20%
 *   unlikely / improbable (improbably)       20–45%
 *   roughly even chance / roughly even odds  45–55%
 *   likely / probable (probably)             55–80%
 *   very likely / highly probable            80–95%
 *   almost certain(ly) / nearly certain      95–99%
 */

/** The ICD 203 likelihood terms, least likely first. */
export const LIKELIHOODS = [
  'ALMOST_NO_CHANCE',
  'VERY_UNLIKELY',
  'UNLIKELY',
  'ROUGHLY_EVEN',
  'LIKELY',
  'VERY_LIKELY',
  'ALMOST_CERTAIN',
] as const;
export type Likelihood = (typeof LIKELIHOODS)[number];

/** A closed percentage range [min, max]. */
export interface PercentRange {
  readonly min: number;
  readonly max: number;
}

export interface LikelihoodBandDefinition extends PercentRange {
  /** The ICD 203 wording, both synonyms. */
  readonly label: string;
}

export const LIKELIHOOD_BANDS: Readonly<Record<Likelihood, LikelihoodBandDefinition>> = {
  ALMOST_NO_CHANCE: { min: 1, max: 5, label: 'almost no chance / remote' },
  VERY_UNLIKELY: { min: 5, max: 20, label: 'very unlikely / highly improbable' },
  UNLIKELY: { min: 20, max: 45, label: 'unlikely / improbable' },
  ROUGHLY_EVEN: { min: 45, max: 55, label: 'roughly even chance / roughly even odds' },
  LIKELY: { min: 55, max: 80, label: 'likely / probable' },
  VERY_LIKELY: { min: 80, max: 95, label: 'very likely / highly probable' },
  ALMOST_CERTAIN: { min: 95, max: 99, label: 'almost certain / nearly certain' },
};

/** Label for a likelihood term, e.g. "very likely / highly probable". */
export const LIKELIHOOD_LABELS: Readonly<Record<Likelihood, string>> = Object.fromEntries(
  LIKELIHOODS.map((name) => [name, LIKELIHOOD_BANDS[name].label]),
) as Record<Likelihood, string>;

export function isLikelihood(value: unknown): value is Likelihood {
  return typeof value === 'string' && (LIKELIHOODS as readonly string[]).includes(value);
}

/** Percentage range of a likelihood term, e.g. likelihoodBand('LIKELY') → {min: 55, max: 80}. */
export function likelihoodBand(name: Likelihood): PercentRange {
  const band = LIKELIHOOD_BANDS[name];
  if (band === undefined) throw new RangeError(`Unknown likelihood "${String(name)}"`);
  return { min: band.min, max: band.max };
}

/** 0 for ALMOST_NO_CHANCE … 6 for ALMOST_CERTAIN. */
export function likelihoodRank(name: Likelihood): number {
  return LIKELIHOODS.indexOf(name);
}

/**
 * Do two likelihood judgements overlap?
 *
 * ICD 203 bands are contiguous, so adjacent bands share exactly one endpoint (VERY_UNLIKELY
 * ends at 20%, UNLIKELY starts at 20%). We treat touching endpoints as NOT overlapping:
 * adjacent bands are distinct judgements, and a reviewer who says "unlikely" and one who says
 * "very unlikely" do disagree about the band. Overlap therefore requires a shared interval of
 * positive width: a.min < b.max && b.min < a.max. A band always overlaps itself.
 */
export function bandsOverlap(a: Likelihood, b: Likelihood): boolean {
  const ra = likelihoodBand(a);
  const rb = likelihoodBand(b);
  return ra.min < rb.max && rb.min < ra.max;
}

/** The term whose range contains a percentage (endpoints go to the higher band; 99–100 → ALMOST_CERTAIN, 0–1 → ALMOST_NO_CHANCE). */
export function likelihoodForPercent(percent: number): Likelihood {
  if (!Number.isFinite(percent) || percent < 0 || percent > 100) {
    throw new RangeError(`A probability must be a percentage between 0 and 100, got ${percent}`);
  }
  for (let i = LIKELIHOODS.length - 1; i >= 0; i--) {
    const name = LIKELIHOODS[i];
    if (percent >= LIKELIHOOD_BANDS[name].min) return name;
  }
  return 'ALMOST_NO_CHANCE';
}
