import { describe, expect, it } from 'vitest';
import { type AlphaResult, tallyAlpha, verdictAlpha } from './agreement';
import {
  isoWeekStart,
  MAX_SERIES_POINTS,
  median,
  medianWindow,
  monthlyAgreement,
  monthlyAgreementOfTallies,
  timeToVerify,
  timeToVerifyOfMiddle,
  weeklyThroughput,
  type DatedVerdict,
  type MonthlyVerdictTally,
} from './dashboard';
import {
  isRatedVerdict,
  type RatedVerdict,
  type Verdict,
  VERDICT_SCALE,
  VERDICTS,
} from './verdict.scale';

const DAY_MS = 24 * 60 * 60 * 1000;

describe('isoWeekStart', () => {
  it('gives the Monday of the ISO week, Sundays belonging to the week before', () => {
    expect(isoWeekStart('2020-08-09')).toBe('2020-08-03'); // election day, a Sunday
    expect(isoWeekStart('2020-08-10')).toBe('2020-08-10'); // the Monday after
    expect(isoWeekStart('2020-08-16')).toBe('2020-08-10');
    expect(isoWeekStart('2021-01-01')).toBe('2020-12-28'); // across a year boundary
  });

  it('refuses what is not a day', () => {
    expect(() => isoWeekStart('2020-13-45')).toThrow(RangeError);
    expect(() => isoWeekStart('yesterday')).toThrow(/YYYY-MM-DD/);
  });
});

describe('weeklyThroughput', () => {
  it('sums days into weeks and keeps quiet weeks as zeros', () => {
    const weeks = weeklyThroughput([
      { day: '2020-08-10', intake: 3, verified: 0 },
      { day: '2020-08-14', intake: 2, verified: 1 },
      { day: '2020-08-31', intake: 1, verified: 4 },
    ]);
    expect(weeks).toEqual([
      { weekStart: '2020-08-10', intake: 5, verified: 1 },
      { weekStart: '2020-08-17', intake: 0, verified: 0 },
      { weekStart: '2020-08-24', intake: 0, verified: 0 },
      { weekStart: '2020-08-31', intake: 1, verified: 4 },
    ]);
  });

  it('spans the asked range even where nothing happened, and nothing for an empty, open range', () => {
    expect(weeklyThroughput([], { from: '2020-08-12', to: '2020-08-20' })).toEqual([
      { weekStart: '2020-08-10', intake: 0, verified: 0 },
      { weekStart: '2020-08-17', intake: 0, verified: 0 },
    ]);
    expect(weeklyThroughput([])).toEqual([]);
  });

  it('keeps the most recent weeks of a very long range', () => {
    const weeks = weeklyThroughput([{ day: '2020-08-10', intake: 1, verified: 0 }], {
      from: '2000-01-03',
      to: '2020-08-10',
    });
    expect(weeks).toHaveLength(MAX_SERIES_POINTS);
    expect(weeks[weeks.length - 1]).toEqual({ weekStart: '2020-08-10', intake: 1, verified: 0 });
  });
});

describe('median and timeToVerify', () => {
  it('takes the middle value, or the mean of the middle two', () => {
    expect(median([])).toBeNull();
    expect(median([7])).toBe(7);
    expect(median([9, 1, 5])).toBe(5);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('measures intake to verification in seconds over the claims it rests on', () => {
    const at = (iso: string) => new Date(iso);
    expect(
      timeToVerify([
        { createdAt: at('2020-08-10T00:00:00Z'), verifiedAt: at('2020-08-11T00:00:00Z') }, // 1 day
        { createdAt: at('2020-08-10T00:00:00Z'), verifiedAt: at('2020-08-13T00:00:00Z') }, // 3 days
        { createdAt: at('2020-08-12T12:00:00Z'), verifiedAt: at('2020-08-12T18:00:00Z') }, // 6 h
      ]),
    ).toEqual({ medianSeconds: 86_400, claims: 3 });
    expect(timeToVerify([])).toEqual({ medianSeconds: null, claims: 0 });
  });
});

describe('monthlyAgreement', () => {
  const v = (
    claimId: string,
    reviewerId: string,
    verdict: DatedVerdict['verdict'],
    iso: string,
  ): DatedVerdict => ({ claimId, reviewerId, verdict, submittedAt: new Date(iso) });

  it('computes alpha per month, a claim counting in the month of its last verdict', () => {
    const verdicts = [
      // August: two claims, perfect agreement.
      v('c1', 'r1', 'TRUE', '2020-08-10T10:00:00Z'),
      v('c1', 'r2', 'TRUE', '2020-08-11T10:00:00Z'),
      v('c2', 'r1', 'FALSE', '2020-08-12T10:00:00Z'),
      v('c2', 'r2', 'FALSE', '2020-08-20T10:00:00Z'),
      // c3: first verdict in August, second in October: it belongs to October.
      v('c3', 'r1', 'MOSTLY_TRUE', '2020-08-30T10:00:00Z'),
      v('c3', 'r2', 'MOSTLY_FALSE', '2020-10-02T10:00:00Z'),
      v('c4', 'r1', 'TRUE', '2020-10-05T10:00:00Z'),
      v('c4', 'r2', 'MIXED', '2020-10-06T10:00:00Z'),
    ];
    const months = monthlyAgreement(verdicts);
    expect(months.map((m) => m.month)).toEqual(['2020-08', '2020-09', '2020-10']);
    expect(months[0]).toMatchObject({ alpha: 1, computable: true, pairableValues: 4, units: 2 });
    // September had no comparable verdicts: no number, and a reason.
    expect(months[1]).toMatchObject({ alpha: null, computable: false, pairableValues: 0 });
    expect(months[1].reason).toBeTruthy();
    // October: c3 (MOSTLY_TRUE vs MOSTLY_FALSE) and c4 (TRUE vs MIXED), both in disagreement.
    expect(months[2]).toMatchObject({ computable: true, pairableValues: 4, units: 2 });
    expect(months[2].alpha).toBeLessThan(0);
  });

  it('treats UNVERIFIABLE as missing, so a month of it alone is not computable', () => {
    const [august] = monthlyAgreement([
      v('c1', 'r1', 'UNVERIFIABLE', '2020-08-10T10:00:00Z'),
      v('c1', 'r2', 'TRUE', '2020-08-11T10:00:00Z'),
    ]);
    expect(august).toMatchObject({ month: '2020-08', alpha: null, computable: false });
    expect(august.pairableValues).toBe(0);
  });

  it('spans the asked range, across a year boundary', () => {
    const months = monthlyAgreement([], 'ordinal', { from: '2020-11-15', to: '2021-02-01' });
    expect(months.map((m) => m.month)).toEqual(['2020-11', '2020-12', '2021-01', '2021-02']);
    expect(months.every((m) => !m.computable)).toBe(true);
  });
});

/** A small deterministic generator, so the comparisons below see many shapes of data. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

describe('the figures from what a database counts equal the figures from every row', () => {
  const VALUES: (Verdict | null)[] = [...VERDICTS, null];

  /**
   * The same number, but for the last bits: a claim with four or more rated verdicts adds
   * fractions (pairs / (m - 1)) that floating point sums differently in another order of claims,
   * and neither the rows nor the tallies come in a defined order. With up to three verdicts a
   * claim every term is exact and the two are equal to the bit (the next test).
   */
  function sameAlpha(actual: number | null, expected: number | null): void {
    if (expected === null) expect(actual).toBeNull();
    else expect(actual).toBeCloseTo(expected, 9);
  }

  /** Verdicts of `claims` claims by up to `most` reviewers, submitted over a year. */
  function verdicts(seed: number, claims: number, most = 4): DatedVerdict[] {
    const next = random(seed);
    const rows: DatedVerdict[] = [];
    for (let c = 0; c < claims; c++) {
      const reviewers = 1 + Math.floor(next() * most);
      for (let r = 0; r < reviewers; r++)
        rows.push({
          claimId: `c${c}`,
          reviewerId: `r${r}`,
          verdict: VALUES[Math.floor(next() * VALUES.length)],
          submittedAt: new Date(Date.UTC(2020, 0, 1) + Math.floor(next() * 365 * DAY_MS)),
        });
    }
    return rows;
  }

  /** What the dashboard's statement counts: per claim the month of its last verdict and its counts. */
  function tallies(rows: readonly DatedVerdict[]): MonthlyVerdictTally[] {
    const claims = new Map<string, { last: Date; counts: Partial<Record<RatedVerdict, number>> }>();
    for (const row of rows) {
      const claim = claims.get(row.claimId) ?? { last: row.submittedAt, counts: {} };
      if (row.submittedAt > claim.last) claim.last = row.submittedAt;
      if (isRatedVerdict(row.verdict))
        claim.counts[row.verdict] = (claim.counts[row.verdict] ?? 0) + 1;
      claims.set(row.claimId, claim);
    }
    const grouped = new Map<string, MonthlyVerdictTally & { claims: number }>();
    for (const { last, counts } of claims.values()) {
      const month = last.toISOString().slice(0, 7);
      const key = `${month} ${VERDICT_SCALE.map((v) => counts[v] ?? 0).join(',')}`;
      const tally = grouped.get(key) ?? { month, counts, claims: 0 };
      grouped.set(key, { ...tally, claims: tally.claims + 1 });
    }
    return [...grouped.values()];
  }

  it('alpha per month, for both metrics, with and without a range', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const rows = verdicts(seed, 1 + seed * 7);
      for (const metric of ['ordinal', 'nominal'] as const) {
        for (const range of [{}, { from: '2020-03-01', to: '2020-10-31' }]) {
          const months = monthlyAgreementOfTallies(tallies(rows), metric, range);
          const expected = monthlyAgreement(rows, metric, range);
          expect(months.map(({ alpha: _, ...m }) => m)).toEqual(
            expected.map(({ alpha: _, ...m }) => m),
          );
          months.forEach((m, i) => sameAlpha(m.alpha, expected[i].alpha));
        }
      }
    }
    expect(monthlyAgreementOfTallies([])).toEqual([]);
  });

  it('to the bit when no claim has more than three verdicts', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const rows = verdicts(seed, 1 + seed * 7, 3);
      expect(monthlyAgreementOfTallies(tallies(rows))).toEqual(monthlyAgreement(rows));
      expect(tallyAlpha(tallies(rows))).toEqual(verdictAlpha(rows));
    }
  });

  it('alpha over all the claims', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const rows = verdicts(seed, 1 + seed * 5);
      for (const metric of ['ordinal', 'nominal', 'interval'] as const) {
        const result = tallyAlpha(tallies(rows), metric);
        const expected = verdictAlpha(rows, metric);
        const counts = ({
          metric,
          computable,
          reason,
          pairableValues,
          unitsUsed,
          unitsTotal,
        }: AlphaResult) => ({ metric, computable, reason, pairableValues, unitsUsed, unitsTotal });
        expect(counts(result)).toEqual(counts(expected));
        sameAlpha(result.alpha, expected.alpha);
        sameAlpha(result.observedDisagreement, expected.observedDisagreement);
        sameAlpha(result.expectedDisagreement, expected.expectedDisagreement);
      }
    }
  });

  it('the median time to verify, from the middle one or two durations', () => {
    expect(medianWindow(0)).toBeNull();
    expect(medianWindow(1)).toEqual({ offset: 0, length: 1 });
    expect(medianWindow(4)).toEqual({ offset: 1, length: 2 });
    expect(medianWindow(5)).toEqual({ offset: 2, length: 1 });
    expect(timeToVerifyOfMiddle(0, [])).toEqual(timeToVerify([]));
    for (let seed = 1; seed <= 40; seed++) {
      const next = random(seed);
      const claims = Array.from({ length: seed }, () => {
        const createdAt = new Date(Date.UTC(2020, 0, 1) + Math.floor(next() * 1e10));
        // Now and then verified "before" intake (clock skew): counted as zero seconds.
        const ms = Math.floor((next() - 0.1) * 30 * DAY_MS);
        return { createdAt, verifiedAt: new Date(createdAt.getTime() + ms) };
      });
      const sorted = claims
        .map((c) => c.verifiedAt.getTime() - c.createdAt.getTime())
        .sort((a, b) => a - b);
      const window = medianWindow(sorted.length);
      const middle = window ? sorted.slice(window.offset, window.offset + window.length) : [];
      expect(timeToVerifyOfMiddle(sorted.length, middle)).toEqual(timeToVerify(claims));
    }
    expect(() => timeToVerifyOfMiddle(4, [1])).toThrow(RangeError);
  });
});
