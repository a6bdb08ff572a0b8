import { describe, it, expect } from 'vitest';
import {
  AgreementInputError,
  disagreementFlag,
  krippendorffAlpha,
  verdictAlpha,
  type AlphaMetric,
  type VerdictRating,
} from './agreement';
import { VERDICT_SCALE, type Verdict } from './verdict.scale';

type Cell = number | null;

/**
 * Reliability data from K. Krippendorff, "Computing Krippendorff's Alpha-Reliability" (2011),
 * section C: 4 coders (rows) × 12 units (columns), "." = missing.
 */
const PAPER_BY_CODER: Cell[][] = [
  [1, 2, 3, 3, 2, 1, 4, 1, 2, null, null, null], // A
  [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, null, 3], // B
  [null, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, null], // C
  [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, null], // D
];

function transpose(rows: Cell[][]): Cell[][] {
  return rows[0].map((_, col) => rows.map((row) => row[col]));
}

const PAPER_UNITS = transpose(PAPER_BY_CODER);

/** Small deterministic PRNG (mulberry32) so property tests are reproducible. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(list: readonly T[], random: () => number): T[] {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function randomData(random: () => number, units: number, coders: number, values: number): Cell[][] {
  return Array.from({ length: units }, () =>
    Array.from({ length: coders }, () =>
      random() < 0.2 ? null : 1 + Math.floor(random() * values),
    ),
  );
}

describe("Krippendorff's alpha: the published example (Krippendorff 2011)", () => {
  it('nominal alpha = 0.743 on 40 pairable values in 11 units', () => {
    const result = krippendorffAlpha(PAPER_UNITS, { metric: 'nominal' });
    expect(result.computable).toBe(true);
    expect(result.alpha).toBeCloseTo(0.743, 3);
    expect(result.pairableValues).toBe(40);
    expect(result.unitsUsed).toBe(11);
    expect(result.unitsTotal).toBe(12);
    // From the paper's coincidence matrix: 8 off-diagonal coincidences, n_c = 9, 13, 10, 5, 3.
    // D_o = 8 / 40; D_e = (40² − Σ n_c²) / (40 · 39) = (1600 − 384) / 1560.
    expect(result.observedDisagreement).toBeCloseTo(8 / 40, 12);
    expect(result.expectedDisagreement).toBeCloseTo(1216 / 1560, 12);
  });

  it('ordinal alpha ≈ 0.815', () => {
    expect(krippendorffAlpha(PAPER_UNITS, { metric: 'ordinal' }).alpha).toBeCloseTo(0.815, 3);
  });

  it('interval alpha ≈ 0.849', () => {
    expect(krippendorffAlpha(PAPER_UNITS, { metric: 'interval' }).alpha).toBeCloseTo(0.849, 3);
  });

  it('ratio alpha ≈ 0.797', () => {
    expect(krippendorffAlpha(PAPER_UNITS, { metric: 'ratio' }).alpha).toBeCloseTo(0.797, 3);
  });

  it('gives the same result with values as labels and an explicit order', () => {
    const labels = ['one', 'two', 'three', 'four', 'five'] as const;
    const units = PAPER_UNITS.map((unit) => unit.map((v) => (v === null ? null : labels[v - 1])));
    for (const metric of ['nominal', 'ordinal', 'interval'] as AlphaMetric[]) {
      expect(krippendorffAlpha(units, { metric, order: labels }).alpha).toBeCloseTo(
        krippendorffAlpha(PAPER_UNITS, { metric }).alpha ?? Number.NaN,
        12,
      );
    }
  });
});

describe("Krippendorff's alpha: edge cases", () => {
  it('perfect agreement with variation gives exactly 1', () => {
    const units = [
      [1, 1, 1],
      [2, 2, null],
      [3, 3, 3],
    ];
    for (const metric of ['nominal', 'ordinal', 'interval', 'ratio'] as AlphaMetric[]) {
      expect(krippendorffAlpha(units, { metric }).alpha).toBe(1);
    }
  });

  it('systematic disagreement gives a negative alpha', () => {
    // Two coders who always pick opposite values.
    const result = krippendorffAlpha(
      [
        [1, 2],
        [2, 1],
        [1, 2],
        [2, 1],
      ],
      { metric: 'nominal' },
    );
    // o_12 = o_21 = 4, n = 8: alpha = 1 - 7*8/(4*4*2) = -0.75.
    expect(result.alpha).toBeCloseTo(-0.75, 12);
  });

  it('is not computable with no variation', () => {
    const result = krippendorffAlpha(
      [
        [3, 3],
        [3, 3, 3],
      ],
      { metric: 'ordinal' },
    );
    expect(result).toMatchObject({ computable: false, alpha: null, pairableValues: 5 });
    expect(result.reason).toMatch(/No variation/);
  });

  it('is not computable with no pairable values, and counts only units with two values', () => {
    const result = krippendorffAlpha([[1, null], [null, 2], [3]], { metric: 'nominal' });
    expect(result).toMatchObject({
      computable: false,
      alpha: null,
      pairableValues: 0,
      unitsUsed: 0,
    });
    expect(result.reason).toMatch(/nothing to compare/);
    expect(krippendorffAlpha([], { metric: 'nominal' }).computable).toBe(false);
  });

  it('respects a higher minimum of pairable values', () => {
    const units = [
      [1, 2],
      [2, 2],
    ];
    expect(krippendorffAlpha(units, { metric: 'nominal' }).computable).toBe(true);
    const strict = krippendorffAlpha(units, { metric: 'nominal', minPairableValues: 10 });
    expect(strict.computable).toBe(false);
    expect(strict.reason).toBe('Only 4 pairable values; at least 10 are needed.');
  });

  it('rejects values outside the given order and non-numeric interval data', () => {
    expect(() => krippendorffAlpha([['a', 'z']], { metric: 'ordinal', order: ['a', 'b'] })).toThrow(
      'Value "z" is not in the given order',
    );
    expect(() => krippendorffAlpha([['a', 'b']], { metric: 'interval' })).toThrow(
      AgreementInputError,
    );
  });
});

describe("Krippendorff's alpha: properties (seeded random data)", () => {
  const metrics: AlphaMetric[] = ['nominal', 'ordinal', 'interval', 'ratio'];

  it('does not change when units or coders are permuted', () => {
    const random = rng(20210117);
    for (let round = 0; round < 40; round++) {
      const data = randomData(
        random,
        3 + Math.floor(random() * 15),
        2 + Math.floor(random() * 4),
        5,
      );
      const permutedUnits = shuffle(data, random);
      const coderOrder = shuffle(
        data[0].map((_, i) => i),
        random,
      );
      const permutedCoders = data.map((unit) => coderOrder.map((i) => unit[i]));
      for (const metric of metrics) {
        const base = krippendorffAlpha(data, { metric });
        for (const other of [permutedUnits, permutedCoders]) {
          const result = krippendorffAlpha(other, { metric });
          expect(result.computable).toBe(base.computable);
          expect(result.pairableValues).toBe(base.pairableValues);
          if (base.alpha !== null) expect(result.alpha).toBeCloseTo(base.alpha, 10);
        }
      }
    }
  });

  it('is 1 whenever all coders agree on every unit (and units vary)', () => {
    const random = rng(42);
    for (let round = 0; round < 40; round++) {
      const coders = 2 + Math.floor(random() * 4);
      const units: Cell[][] = Array.from({ length: 4 + Math.floor(random() * 10) }, (_, u) => {
        const value = u < 2 ? u + 1 : 1 + Math.floor(random() * 5); // at least values 1 and 2
        return Array.from({ length: coders }, (_, c) => (c > 1 && random() < 0.3 ? null : value));
      });
      for (const metric of metrics) {
        expect(krippendorffAlpha(units, { metric }).alpha).toBe(1);
      }
    }
  });

  it('never exceeds 1', () => {
    const random = rng(7);
    for (let round = 0; round < 40; round++) {
      const data = randomData(random, 10, 3, 4);
      for (const metric of metrics) {
        const { alpha } = krippendorffAlpha(data, { metric });
        if (alpha !== null) expect(alpha).toBeLessThanOrEqual(1 + 1e-12);
      }
    }
  });
});

describe('verdictAlpha', () => {
  const rating = (claimId: string, reviewerId: string, verdict: Verdict | null): VerdictRating => ({
    claimId,
    reviewerId,
    verdict,
  });

  it('uses the ordinal verdict scale and matches the numeric computation', () => {
    // The paper's data, with values 1..5 mapped to FALSE..TRUE.
    const ratings: VerdictRating[] = [];
    PAPER_BY_CODER.forEach((row, coder) =>
      row.forEach((v, unit) => {
        if (v !== null)
          ratings.push(rating(`claim-${unit}`, `coder-${coder}`, VERDICT_SCALE[v - 1]));
      }),
    );
    const result = verdictAlpha(ratings);
    expect(result.metric).toBe('ordinal');
    expect(result.alpha).toBeCloseTo(0.815, 3);
    expect(result.pairableValues).toBe(40);
    expect(verdictAlpha(ratings, 'nominal').alpha).toBeCloseTo(0.743, 3);
    expect(verdictAlpha(ratings, 'interval').alpha).toBeCloseTo(0.849, 3);
  });

  it('treats UNVERIFIABLE as missing', () => {
    const ratings = [
      rating('c1', 'r1', 'TRUE'),
      rating('c1', 'r2', 'TRUE'),
      rating('c2', 'r1', 'FALSE'),
      rating('c2', 'r2', 'FALSE'),
      rating('c3', 'r1', 'TRUE'),
      rating('c3', 'r2', 'UNVERIFIABLE'),
    ];
    const result = verdictAlpha(ratings);
    expect(result.alpha).toBe(1);
    expect(result.pairableValues).toBe(4);
    expect(result.unitsUsed).toBe(2);
    // If UNVERIFIABLE were a value, c3 would be a disagreement and alpha would drop.
    expect(verdictAlpha(ratings, 'nominal').alpha).toBe(1);
  });

  it('is not computable when every verdict is the same', () => {
    const result = verdictAlpha([rating('c1', 'a', 'MIXED'), rating('c1', 'b', 'MIXED')]);
    expect(result.computable).toBe(false);
  });

  it('refuses two verdicts from one reviewer on one claim', () => {
    expect(() => verdictAlpha([rating('c1', 'a', 'TRUE'), rating('c1', 'a', 'FALSE')])).toThrow(
      'Reviewer a has more than one verdict for claim c1',
    );
  });

  it('ordinal alpha credits near-misses more than nominal', () => {
    const ratings = [
      rating('c1', 'a', 'TRUE'),
      rating('c1', 'b', 'MOSTLY_TRUE'),
      rating('c2', 'a', 'FALSE'),
      rating('c2', 'b', 'FALSE'),
      rating('c3', 'a', 'MIXED'),
      rating('c3', 'b', 'MIXED'),
    ];
    const ordinal = verdictAlpha(ratings, 'ordinal').alpha ?? Number.NaN;
    const nominal = verdictAlpha(ratings, 'nominal').alpha ?? Number.NaN;
    expect(ordinal).toBeGreaterThan(nominal);
  });
});

describe('disagreementFlag', () => {
  it('flags verdicts two or more steps apart and names the extreme pair', () => {
    const result = disagreementFlag([
      { id: 'a1', reviewerId: 'alice', verdict: 'MOSTLY_TRUE' },
      { id: 'a2', reviewerId: 'bob', verdict: 'MIXED' },
      { id: 'a3', reviewerId: 'carol', verdict: 'MOSTLY_FALSE' },
    ]);
    expect(result.flagged).toBe(true);
    expect(result.reasons).toEqual([
      {
        code: 'VERDICT_SPREAD',
        message: 'Verdicts are 2 steps apart: carol says “Mostly false”, alice says “Mostly true”.',
        assessmentIds: ['a3', 'a1'],
      },
    ]);
  });

  it('does not flag verdicts one step apart, or UNVERIFIABLE against anything', () => {
    expect(
      disagreementFlag([
        { id: 'a', verdict: 'TRUE' },
        { id: 'b', verdict: 'MOSTLY_TRUE' },
      ]).flagged,
    ).toBe(false);
    expect(
      disagreementFlag([
        { id: 'a', verdict: 'TRUE' },
        { id: 'b', verdict: 'UNVERIFIABLE' },
      ]).flagged,
    ).toBe(false);
    expect(disagreementFlag([{ id: 'a', verdict: 'TRUE' }]).flagged).toBe(false);
    expect(disagreementFlag([]).flagged).toBe(false);
  });

  it('names assessments in its reasons by their label when given', () => {
    const flag = disagreementFlag([
      { id: 'a1', label: 'Ruslan Reviewer', verdict: 'FALSE', likelihood: 'UNLIKELY' },
      { id: 'a2', label: 'Rita Reviewer', verdict: 'MOSTLY_TRUE', likelihood: 'UNLIKELY' },
    ]);
    expect(flag.reasons.map((r) => r.message)).toEqual([
      'Verdicts are 3 steps apart: Ruslan Reviewer says “False”, Rita Reviewer says “Mostly true”.',
    ]);
    expect(flag.reasons[0]?.assessmentIds).toEqual(['a1', 'a2']);
  });

  it('flags likelihood bands that do not overlap, including adjacent bands', () => {
    const adjacent = disagreementFlag([
      { id: 'a', verdict: 'TRUE', likelihood: 'LIKELY' },
      { id: 'b', verdict: 'TRUE', likelihood: 'VERY_LIKELY' },
    ]);
    expect(adjacent.flagged).toBe(true);
    expect(adjacent.reasons[0]).toEqual({
      code: 'LIKELIHOOD_NO_OVERLAP',
      message:
        'Likelihood bands do not overlap: a says “likely / probable” (55–80%), b says “very likely / highly probable” (80–95%).',
      assessmentIds: ['a', 'b'],
    });
    expect(
      disagreementFlag([
        { id: 'a', likelihood: 'LIKELY' },
        { id: 'b', likelihood: 'LIKELY' },
        { id: 'c', likelihood: null },
      ]).flagged,
    ).toBe(false);
  });

  it('gives both reasons when both rules fire, and ignores unsubmitted assessments', () => {
    const both = disagreementFlag([
      { id: 'a', verdict: 'FALSE', likelihood: 'UNLIKELY' },
      { id: 'b', verdict: 'TRUE', likelihood: 'ALMOST_CERTAIN' },
    ]);
    expect(both.reasons.map((r) => r.code)).toEqual(['VERDICT_SPREAD', 'LIKELIHOOD_NO_OVERLAP']);
    const draft = disagreementFlag([
      { id: 'a', verdict: 'FALSE', likelihood: 'UNLIKELY' },
      { id: 'b', verdict: 'TRUE', likelihood: 'ALMOST_CERTAIN', submitted: false },
    ]);
    expect(draft.flagged).toBe(false);
  });
});
