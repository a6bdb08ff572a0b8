import { describe, expect, it } from 'vitest';
import {
  isoWeekStart,
  MAX_SERIES_POINTS,
  median,
  monthlyAgreement,
  timeToVerify,
  weeklyThroughput,
  type DatedVerdict,
} from './dashboard';

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
