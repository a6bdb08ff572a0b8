/**
 * Inter-reviewer agreement: Krippendorff's alpha, and the per-claim disagreement flag.
 *
 * Alpha follows K. Krippendorff, "Computing Krippendorff's Alpha-Reliability" (2011,
 * University of Pennsylvania, https://repository.upenn.edu/asc_papers/43), via the
 * coincidence matrix, which handles any number of coders and missing values:
 *
 *   o_ck = Σ_u (number of c–k pairs of values in unit u) / (m_u − 1)   (units with m_u ≥ 2)
 *   n_c  = Σ_k o_ck,   n = Σ_c n_c   (n = the number of pairable values)
 *   α    = 1 − D_o / D_e = 1 − (n − 1) · Σ o_ck δ²_ck / Σ n_c n_k δ²_ck
 *
 * with the difference functions δ² of the paper:
 *   nominal   δ² = 0 if c = k else 1
 *   ordinal   δ² = (Σ_{g=c..k} n_g − (n_c + n_k) / 2)²   (over the ordered values c ≤ g ≤ k)
 *   interval  δ² = (c − k)²
 *   ratio     δ² = ((c − k) / (c + k))²
 */
import {
  type Likelihood,
  LIKELIHOOD_LABELS,
  bandsOverlap,
  likelihoodBand,
  likelihoodRank,
} from './likelihood.scale';
import {
  type RatedVerdict,
  VERDICT_LABELS,
  VERDICT_SCALE,
  type Verdict,
  isRatedVerdict,
  verdictRank,
} from './verdict.scale';

export const ALPHA_METRICS = ['nominal', 'ordinal', 'interval', 'ratio'] as const;
export type AlphaMetric = (typeof ALPHA_METRICS)[number];

/** A coded value. null / undefined mean "missing" (the coder gave no value for that unit). */
export type AlphaValue = string | number;

export interface AlphaOptions<T extends AlphaValue> {
  readonly metric: AlphaMetric;
  /**
   * The ordered scale of values, lowest first. Required for ordinal, interval and ratio metrics
   * when the values are not numbers; with it, interval and ratio use the position in the
   * scale (0, 1, 2…) as the numeric value. Numeric values without `order` sort numerically.
   */
  readonly order?: readonly T[];
  /** Fewer pairable values than this makes alpha "not computable". Default 2 (the minimum). */
  readonly minPairableValues?: number;
}

export interface AlphaResult {
  readonly metric: AlphaMetric;
  /** Krippendorff's alpha, or null when not computable. */
  readonly alpha: number | null;
  readonly computable: boolean;
  /** Why alpha is not computable; absent when it is. */
  readonly reason?: string;
  /** n: the number of values that belong to units with at least two values. */
  readonly pairableValues: number;
  /** Units with at least two values (the ones alpha rests on). */
  readonly unitsUsed: number;
  /** All units passed in, including those with fewer than two values. */
  readonly unitsTotal: number;
  /** Observed disagreement D_o (null when there are no pairable values). */
  readonly observedDisagreement: number | null;
  /** Expected disagreement D_e (null when there are fewer than two pairable values). */
  readonly expectedDisagreement: number | null;
}

/** Thrown for input alpha cannot interpret (unknown values for the given order, non-numeric interval data). */
export class AgreementInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AgreementInputError';
  }
}

function isPresent<T>(value: T | null | undefined): value is T {
  return value !== null && value !== undefined;
}

/**
 * Krippendorff's alpha for reliability data given as units (rows), each holding the values the
 * coders gave it (one entry per coder; null or undefined where a coder gave none). Which coder
 * gave which value does not matter to alpha, so rows may have different lengths.
 */
export function krippendorffAlpha<T extends AlphaValue>(
  units: readonly (readonly (T | null | undefined)[])[],
  options: AlphaOptions<T>,
): AlphaResult {
  const { metric, order } = options;
  const minPairable = Math.max(2, options.minPairableValues ?? 2);
  if (!(ALPHA_METRICS as readonly string[]).includes(metric)) {
    throw new AgreementInputError(`Unknown alpha metric "${String(metric)}"`);
  }

  const pairableUnits = units
    .map((unit) => unit.filter(isPresent))
    .filter((values) => values.length >= 2);

  // The distinct values, in scale order.
  const seen = new Set<T>();
  for (const values of pairableUnits) for (const v of values) seen.add(v);
  let values: T[];
  if (order !== undefined) {
    const position = new Map<T, number>(order.map((v, i) => [v, i]));
    for (const v of seen) {
      if (!position.has(v)) {
        throw new AgreementInputError(`Value "${String(v)}" is not in the given order`);
      }
    }
    values = order.filter((v) => seen.has(v));
  } else {
    values = [...seen];
    if (metric !== 'nominal') {
      if (values.some((v) => typeof v !== 'number' || !Number.isFinite(v))) {
        throw new AgreementInputError(
          `The ${metric} metric needs finite numeric values or an explicit order`,
        );
      }
      values.sort((a, b) => (a as number) - (b as number));
    }
  }
  const index = new Map<T, number>(values.map((v, i) => [v, i]));
  const numeric = (v: T): number =>
    order !== undefined ? order.indexOf(v) : typeof v === 'number' ? v : Number.NaN;

  // Coincidence matrix.
  const size = values.length;
  const o: number[][] = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  for (const unitValues of pairableUnits) {
    const m = unitValues.length;
    const counts = new Map<number, number>();
    for (const v of unitValues) {
      const i = index.get(v) ?? -1;
      counts.set(i, (counts.get(i) ?? 0) + 1);
    }
    for (const [c, nc] of counts) {
      for (const [k, nk] of counts) {
        const pairs = c === k ? nc * (nc - 1) : nc * nk;
        o[c][k] += pairs / (m - 1);
      }
    }
  }
  const nc = o.map((row) => row.reduce((a, b) => a + b, 0));
  const n = nc.reduce((a, b) => a + b, 0);

  const delta2 = (c: number, k: number): number => {
    if (c === k) return 0;
    switch (metric) {
      case 'nominal':
        return 1;
      case 'ordinal': {
        const [lo, hi] = c < k ? [c, k] : [k, c];
        let sum = 0;
        for (let g = lo; g <= hi; g++) sum += nc[g];
        return (sum - (nc[c] + nc[k]) / 2) ** 2;
      }
      case 'interval':
        return (numeric(values[c]) - numeric(values[k])) ** 2;
      case 'ratio': {
        const a = numeric(values[c]);
        const b = numeric(values[k]);
        return a + b === 0 ? 0 : ((a - b) / (a + b)) ** 2;
      }
    }
  };

  let observedSum = 0;
  let expectedSum = 0;
  for (let c = 0; c < size; c++) {
    for (let k = 0; k < size; k++) {
      const d = delta2(c, k);
      observedSum += o[c][k] * d;
      expectedSum += nc[c] * nc[k] * d;
    }
  }
  // n is a sum of fractions; round away floating noise so counts read as integers.
  const pairableValues = Math.round(n * 1e9) / 1e9;
  const base = {
    metric,
    pairableValues,
    unitsUsed: pairableUnits.length,
    unitsTotal: units.length,
    observedDisagreement: n > 0 ? observedSum / n : null,
    expectedDisagreement: n > 1 ? expectedSum / (n * (n - 1)) : null,
  };
  if (pairableValues < minPairable) {
    return {
      ...base,
      alpha: null,
      computable: false,
      reason:
        pairableValues === 0
          ? 'No unit has values from two or more coders, so there is nothing to compare.'
          : `Only ${pairableValues} pairable values; at least ${minPairable} are needed.`,
    };
  }
  if (expectedSum === 0) {
    return {
      ...base,
      alpha: null,
      computable: false,
      reason:
        'No variation: every pairable value is the same, so expected disagreement is zero and alpha is undefined.',
    };
  }
  return { ...base, alpha: 1 - ((n - 1) * observedSum) / expectedSum, computable: true };
}

/** One reviewer's verdict on one claim, as input to {@link verdictAlpha}. */
export interface VerdictRating {
  readonly claimId: string;
  readonly reviewerId: string;
  readonly verdict: Verdict | null;
}

/**
 * Alpha over reviewers' verdicts. Claims are the units; UNVERIFIABLE (outside the ordinal scale)
 * and null are treated as missing values. Default metric: ordinal on the verdict scale (product
 * spec, "Agreement"). Interval uses the scale positions FALSE=0 … TRUE=4.
 * Throws {@link AgreementInputError} if one reviewer rated the same claim twice.
 */
export function verdictAlpha(
  ratings: readonly VerdictRating[],
  metric: AlphaMetric = 'ordinal',
  options: { readonly minPairableValues?: number } = {},
): AlphaResult {
  const byClaim = new Map<string, Map<string, Verdict | null>>();
  for (const r of ratings) {
    const claim = byClaim.get(r.claimId) ?? new Map<string, Verdict | null>();
    if (claim.has(r.reviewerId)) {
      throw new AgreementInputError(
        `Reviewer ${r.reviewerId} has more than one verdict for claim ${r.claimId}`,
      );
    }
    claim.set(r.reviewerId, r.verdict);
    byClaim.set(r.claimId, claim);
  }
  const units = [...byClaim.values()].map((claim) =>
    [...claim.values()].map((v) => (isRatedVerdict(v) ? v : null)),
  );
  return krippendorffAlpha(units, { metric, order: VERDICT_SCALE, ...options });
}

/**
 * Claims that hold the same number of each rated verdict: what a database can count per claim and
 * group, so that alpha over many claims needs no row per verdict.
 */
export interface VerdictTally {
  /** How many claims hold exactly these counts. */
  readonly claims: number;
  /** Rated verdicts per value; UNVERIFIABLE and missing verdicts are not counted (missing values). */
  readonly counts: Readonly<Partial<Record<RatedVerdict, number>>>;
}

/**
 * {@link verdictAlpha} over claims given as tallies: each claim is one unit holding its rated
 * verdicts, so the result is the one verdictAlpha gives for the verdicts the tallies count
 * (unitsTotal counts every claim, those without two rated verdicts too).
 */
export function tallyAlpha(
  tallies: readonly VerdictTally[],
  metric: AlphaMetric = 'ordinal',
  options: { readonly minPairableValues?: number } = {},
): AlphaResult {
  const units: (readonly RatedVerdict[])[] = [];
  for (const tally of tallies) {
    const unit = VERDICT_SCALE.flatMap((v) =>
      new Array<RatedVerdict>(tally.counts[v] ?? 0).fill(v),
    );
    for (let i = 0; i < tally.claims; i++) units.push(unit);
  }
  return krippendorffAlpha(units, { metric, order: VERDICT_SCALE, ...options });
}

/** A submitted assessment, as input to {@link disagreementFlag}. */
export interface AssessmentForDisagreement {
  readonly id: string;
  readonly reviewerId?: string;
  /** How a reason names this assessment (e.g. the reviewer's name); else the reviewer or id. */
  readonly label?: string;
  readonly verdict?: Verdict | null;
  readonly likelihood?: Likelihood | null;
  /** Assessments explicitly marked not submitted are ignored; omit for submitted ones. */
  readonly submitted?: boolean;
}

export type DisagreementReasonCode = 'VERDICT_SPREAD' | 'LIKELIHOOD_NO_OVERLAP';

export interface DisagreementReason {
  readonly code: DisagreementReasonCode;
  readonly message: string;
  /** The two assessments furthest apart. */
  readonly assessmentIds: readonly [string, string];
}

export interface DisagreementResult {
  readonly flagged: boolean;
  readonly reasons: readonly DisagreementReason[];
}

/**
 * Per-claim disagreement flag (product spec, "Agreement"): raised when the submitted verdicts
 * are two or more scale steps apart, or when two submitted likelihoods lie in bands that do not
 * overlap (see bandsOverlap: adjacent ICD 203 bands do NOT overlap, so any two different bands
 * disagree). UNVERIFIABLE verdicts have no place on the scale and cannot be "steps apart"; they
 * never raise the verdict reason. Each reason names the two assessments furthest apart.
 */
export function disagreementFlag(
  assessments: readonly AssessmentForDisagreement[],
): DisagreementResult {
  const submitted = assessments.filter((a) => a.submitted !== false);
  const reasons: DisagreementReason[] = [];
  const who = (a: AssessmentForDisagreement) => a.label ?? a.reviewerId ?? a.id;

  const rated = submitted.flatMap((a) => {
    const rank = a.verdict === undefined || a.verdict === null ? null : verdictRank(a.verdict);
    return rank === null ? [] : [{ a, rank, verdict: a.verdict as Verdict }];
  });
  if (rated.length >= 2) {
    const low = rated.reduce((x, y) => (y.rank < x.rank ? y : x));
    const high = rated.reduce((x, y) => (y.rank > x.rank ? y : x));
    const steps = high.rank - low.rank;
    if (steps >= 2) {
      reasons.push({
        code: 'VERDICT_SPREAD',
        message: `Verdicts are ${steps} steps apart: ${who(low.a)} says “${VERDICT_LABELS[low.verdict]}”, ${who(high.a)} says “${VERDICT_LABELS[high.verdict]}”.`,
        assessmentIds: [low.a.id, high.a.id],
      });
    }
  }

  const judged = submitted.flatMap((a) =>
    a.likelihood === undefined || a.likelihood === null ? [] : [{ a, band: a.likelihood }],
  );
  if (judged.length >= 2) {
    const low = judged.reduce((x, y) => (likelihoodRank(y.band) < likelihoodRank(x.band) ? y : x));
    const high = judged.reduce((x, y) => (likelihoodRank(y.band) > likelihoodRank(x.band) ? y : x));
    if (!bandsOverlap(low.band, high.band)) {
      const range = (b: Likelihood) => {
        const { min, max } = likelihoodBand(b);
        return `${min}–${max}%`;
      };
      reasons.push({
        code: 'LIKELIHOOD_NO_OVERLAP',
        message:
          `Likelihood bands do not overlap: ${who(low.a)} says “${LIKELIHOOD_LABELS[low.band]}” (${range(low.band)}), ` +
          `${who(high.a)} says “${LIKELIHOOD_LABELS[high.band]}” (${range(high.band)}).`,
        assessmentIds: [low.a.id, high.a.id],
      });
    }
  }
  return { flagged: reasons.length > 0, reasons };
}
