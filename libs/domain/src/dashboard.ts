/**
 * The dashboard's figures: weekly throughput, the median time from intake to verification, and
 * agreement (Krippendorff's alpha) per month. Pure functions over rows the API has aggregated;
 * every series is complete (weeks or months without activity appear with zeros or as "not
 * computable"), so a chart never silently joins two distant points.
 */
import {
  type AlphaMetric,
  type AlphaResult,
  tallyAlpha,
  type VerdictTally,
  verdictAlpha,
} from './agreement';
import { type Verdict } from './verdict.scale';

const DAY_MS = 24 * 60 * 60 * 1000;

/** At most this many weeks or months in a series; a longer range keeps its most recent part. */
export const MAX_SERIES_POINTS = 260;

/** `YYYY-MM-DD` of a UTC date. */
export function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** `YYYY-MM` of a UTC date. */
export function utcMonth(date: Date): string {
  return date.toISOString().slice(0, 7);
}

function parseDay(day: string): Date {
  const date = new Date(`${day}T00:00:00.000Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(date.getTime()))
    throw new RangeError(`Not a YYYY-MM-DD day: ${JSON.stringify(day)}`);
  return date;
}

/** The Monday (ISO 8601 week start, UTC) of the week holding `day` (`YYYY-MM-DD`). */
export function isoWeekStart(day: string): string {
  const date = parseDay(day);
  const sinceMonday = (date.getUTCDay() + 6) % 7;
  return utcDay(new Date(date.getTime() - sinceMonday * DAY_MS));
}

/** Claims taken in and claims verified on one UTC day. */
export interface DailyActivity {
  readonly day: string;
  readonly intake: number;
  readonly verified: number;
}

export interface WeeklyThroughput {
  /** The Monday the week starts on, `YYYY-MM-DD`. */
  readonly weekStart: string;
  readonly intake: number;
  readonly verified: number;
}

/**
 * Sums daily activity into ISO weeks, from the week of `from` (or of the first active day) to the
 * week of `to` (or of the last active day), including weeks with no activity.
 */
export function weeklyThroughput(
  days: readonly DailyActivity[],
  range: { readonly from?: string | null; readonly to?: string | null } = {},
): WeeklyThroughput[] {
  const active = [...days].sort((a, b) => a.day.localeCompare(b.day));
  const first = range.from ?? active[0]?.day;
  const last = range.to ?? active[active.length - 1]?.day;
  if (!first || !last || first > last) return [];
  const weeks = new Map<string, { intake: number; verified: number }>();
  const lastWeek = parseDay(isoWeekStart(last)).getTime();
  let start = parseDay(isoWeekStart(first)).getTime();
  start = Math.max(start, lastWeek - (MAX_SERIES_POINTS - 1) * 7 * DAY_MS);
  for (let t = start; t <= lastWeek; t += 7 * DAY_MS)
    weeks.set(utcDay(new Date(t)), { intake: 0, verified: 0 });
  for (const d of active) {
    const week = weeks.get(isoWeekStart(d.day));
    if (!week) continue;
    week.intake += d.intake;
    week.verified += d.verified;
  }
  return [...weeks].map(([weekStart, w]) => ({ weekStart, ...w }));
}

/** The median of the values (the mean of the middle two for an even count), or null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** A verified claim's intake and verification times. */
export interface VerificationTimes {
  readonly createdAt: Date;
  readonly verifiedAt: Date;
}

export interface TimeToVerify {
  /** Median seconds from intake to verification; null when no claim was verified. */
  readonly medianSeconds: number | null;
  /** The number of verified claims the median rests on. */
  readonly claims: number;
}

/** The median time from intake to verification over verified claims. */
export function timeToVerify(claims: readonly VerificationTimes[]): TimeToVerify {
  const seconds = claims.map((c) =>
    Math.max(0, (c.verifiedAt.getTime() - c.createdAt.getTime()) / 1000),
  );
  return { medianSeconds: median(seconds), claims: seconds.length };
}

/**
 * Which values of `count` sorted ones the median needs: the middle one (odd count) or the middle
 * two (even count), as an offset and a length; null for none. Lets a database sort and hand over
 * only those.
 */
export function medianWindow(count: number): { offset: number; length: number } | null {
  if (count <= 0) return null;
  return { offset: Math.floor((count - 1) / 2), length: count % 2 === 1 ? 1 : 2 };
}

/**
 * {@link timeToVerify} from the number of verified claims and the middle durations in
 * milliseconds (verification time minus intake time, ascending) that {@link medianWindow} picks:
 * the same figure, from two values instead of every claim's times.
 */
export function timeToVerifyOfMiddle(
  claims: number,
  middleMilliseconds: readonly number[],
): TimeToVerify {
  const window = medianWindow(claims);
  if (!window) return { medianSeconds: null, claims: 0 };
  if (middleMilliseconds.length !== window.length)
    throw new RangeError(
      `The median of ${claims} values needs ${window.length} middle values, not ${middleMilliseconds.length}.`,
    );
  const seconds = middleMilliseconds.map((ms) => Math.max(0, ms / 1000));
  return {
    medianSeconds: seconds.length === 1 ? seconds[0] : (seconds[0] + seconds[1]) / 2,
    claims,
  };
}

/** A current submitted verdict with its submission time. */
export interface DatedVerdict {
  readonly claimId: string;
  readonly reviewerId: string;
  readonly verdict: Verdict | null;
  readonly submittedAt: Date;
}

export interface MonthlyAgreement {
  /** `YYYY-MM`. */
  readonly month: string;
  readonly alpha: number | null;
  readonly computable: boolean;
  /** Why alpha is not computable this month. */
  readonly reason: string | null;
  /** The number of pairable values alpha rests on. */
  readonly pairableValues: number;
  /** Claims with verdicts from at least two reviewers. */
  readonly units: number;
}

function nextMonth(month: string): string {
  const [year, m] = month.split('-').map(Number);
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
}

/**
 * Alpha per calendar month (UTC). A claim counts in the month its last verdict was submitted —
 * the month its set of verdicts became comparable — so each claim is one unit in exactly one
 * month. Months between the first and last (or the given range) with too little data say why
 * alpha is not computable instead of showing a number.
 */
export function monthlyAgreement(
  verdicts: readonly DatedVerdict[],
  metric: AlphaMetric = 'ordinal',
  range: { readonly from?: string | null; readonly to?: string | null } = {},
): MonthlyAgreement[] {
  const lastSubmission = new Map<string, Date>();
  for (const v of verdicts) {
    const seen = lastSubmission.get(v.claimId);
    if (!seen || v.submittedAt > seen) lastSubmission.set(v.claimId, v.submittedAt);
  }
  const byMonth = new Map<string, DatedVerdict[]>();
  for (const v of verdicts) {
    const month = utcMonth(lastSubmission.get(v.claimId) ?? v.submittedAt);
    const list = byMonth.get(month) ?? [];
    list.push(v);
    byMonth.set(month, list);
  }
  return monthlySeries([...byMonth.keys()], range, (month) =>
    verdictAlpha(byMonth.get(month) ?? [], metric),
  );
}

/** Claims with the same verdict counts whose last verdict was submitted in one month. */
export interface MonthlyVerdictTally extends VerdictTally {
  /** `YYYY-MM` (UTC) of the claim's last submitted verdict. */
  readonly month: string;
}

/**
 * {@link monthlyAgreement} over tallies of claims per month of their last submitted verdict, as a
 * database can count them: the same series, from a row per month and combination of verdict
 * counts instead of a row per verdict. Tallies of claims without two rated verdicts still place
 * the series' first and last month, as their verdicts do in monthlyAgreement.
 */
export function monthlyAgreementOfTallies(
  tallies: readonly MonthlyVerdictTally[],
  metric: AlphaMetric = 'ordinal',
  range: { readonly from?: string | null; readonly to?: string | null } = {},
): MonthlyAgreement[] {
  const byMonth = new Map<string, MonthlyVerdictTally[]>();
  for (const tally of tallies) {
    if (tally.claims <= 0) continue;
    const list = byMonth.get(tally.month) ?? [];
    list.push(tally);
    byMonth.set(tally.month, list);
  }
  return monthlySeries([...byMonth.keys()], range, (month) =>
    tallyAlpha(byMonth.get(month) ?? [], metric),
  );
}

function monthlySeries(
  active: readonly string[],
  range: { readonly from?: string | null; readonly to?: string | null },
  alphaOf: (month: string) => AlphaResult,
): MonthlyAgreement[] {
  const months = [...active].sort();
  const first = range.from?.slice(0, 7) ?? months[0];
  const last = range.to?.slice(0, 7) ?? months[months.length - 1];
  if (!first || !last || first > last) return [];
  const series: string[] = [];
  for (let m = first; m <= last; m = nextMonth(m)) series.push(m);
  return series.slice(-MAX_SERIES_POINTS).map((month) => {
    const result = alphaOf(month);
    return {
      month,
      alpha: result.alpha,
      computable: result.computable,
      reason: result.reason ?? null,
      pairableValues: result.pairableValues,
      units: result.unitsUsed,
    };
  });
}
