import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { ClaimEntity } from '@corroborate/api-claims';
import { BadInputError, Role } from '@corroborate/api-core';
import { ProjectsService } from '@corroborate/api-projects';
import { comparableTimestamp, selectRows } from '@corroborate/api-database';
import {
  AdjudicationEntity,
  AssessmentEntity,
  AssignmentEntity,
  readVerdictTallies,
} from '@corroborate/api-reviews';
import { UserEntity } from '@corroborate/api-users';
import {
  CLAIM_STATUSES,
  type ClaimStatus,
  type DailyActivity,
  medianWindow,
  monthlyAgreementOfTallies,
  type TimeToVerify,
  timeToVerifyOfMiddle,
  utcDay,
  type Verdict,
  VERDICTS,
  weeklyThroughput,
} from '@corroborate/domain';
import { type DashboardFilter } from './dto/dashboard.input';
import { type DashboardType, type DashboardReviewerLoadType } from './dto/dashboard.type';

const OPEN_STATUSES: readonly ClaimStatus[] = ['NEW', 'IN_REVIEW', 'NEEDS_ADJUDICATION'];
const DAY_MS = 24 * 60 * 60 * 1000;

/** A validated filter: UTC day bounds as instants (`until` exclusive). */
interface Scope {
  projectId: string | null;
  from: string | null;
  to: string | null;
  since: Date | null;
  until: Date | null;
  now: Date;
}

function parseDay(field: 'from' | 'to', day: string): Date {
  const date = new Date(`${day}T00:00:00.000Z`);
  if (Number.isNaN(date.getTime()) || utcDay(date) !== day)
    throw new BadInputError(field, `${field} is not a calendar day: ${JSON.stringify(day)}.`);
  return date;
}

/**
 * The dashboard's figures. Counting and grouping happen in SQL: per day, per verdict, per
 * reviewer, and per claim for alpha (verdict counts grouped by month, libs/domain
 * monthlyAgreementOfTallies); the median time to verify reads only the middle one or two
 * durations. Without a project no statement joins claims to assignments or assessments; with one
 * they take the project's claims as a set from the ("projectId", …, "id") index.
 */
@Injectable()
export class DashboardService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly projects: ProjectsService,
  ) {}

  private get postgres(): boolean {
    return this.dataSource.options.type === 'postgres';
  }

  /** A timestamp column, comparable with Date parameters on both dialects. */
  private ts(column: string): string {
    return comparableTimestamp(this.dataSource, column);
  }

  /** The UTC day (YYYY-MM-DD) of a timestamp column. */
  private day(column: string): string {
    return this.postgres ? `to_char(${column}, 'YYYY-MM-DD')` : `strftime('%Y-%m-%d', ${column})`;
  }

  private async scope(filter: DashboardFilter): Promise<Scope> {
    const since = filter.from ? parseDay('from', filter.from) : null;
    const last = filter.to ? parseDay('to', filter.to) : null;
    if (since && last && since > last) throw new BadInputError('to', 'to must not be before from.');
    if (filter.projectId) await this.projects.get(filter.projectId);
    return {
      projectId: filter.projectId ?? null,
      from: filter.from ?? null,
      to: filter.to ?? null,
      since,
      until: last ? new Date(last.getTime() + DAY_MS) : null,
      now: new Date(),
    };
  }

  /**
   * Restricts to the scope's project and to `column` within its days. `claimColumn` names a claim
   * id of a table other than claims (alias c) to restrict to the project's claims as a set.
   */
  private within<T extends ObjectLiteral>(
    qb: SelectQueryBuilder<T>,
    scope: Scope,
    column: string | null,
    claimColumn?: string,
  ): SelectQueryBuilder<T> {
    if (scope.projectId && claimColumn)
      qb.andWhere(
        `${claimColumn} IN (SELECT pc."id" FROM "claims" pc WHERE pc."projectId" = :projectId)`,
        { projectId: scope.projectId },
      );
    else if (scope.projectId)
      qb.andWhere('c.projectId = :projectId', { projectId: scope.projectId });
    if (column && scope.since) qb.andWhere(`${this.ts(column)} >= :since`, { since: scope.since });
    if (column && scope.until) qb.andWhere(`${this.ts(column)} < :until`, { until: scope.until });
    return qb;
  }

  async dashboard(filter: DashboardFilter): Promise<DashboardType> {
    const scope = await this.scope(filter);
    const [statusRows, overdue, intakeRows, verified, load, tallies] = await Promise.all([
      this.statusCounts(scope),
      this.overdue(scope),
      this.intakeByDay(scope),
      this.verifications(scope),
      this.reviewerLoad(scope),
      readVerdictTallies(this.dataSource, {
        projectId: scope.projectId,
        from: scope.since,
        before: scope.until,
        byMonth: true,
      }),
    ]);

    const byStatus = new Map(statusRows.map((r) => [r.status, Number(r.n)]));
    const statusCounts = CLAIM_STATUSES.map((status) => ({
      status,
      count: byStatus.get(status) ?? 0,
    }));

    const days = new Map<string, { intake: number; verified: number }>();
    const dayOf = (day: string) => {
      const entry = days.get(day) ?? { intake: 0, verified: 0 };
      days.set(day, entry);
      return entry;
    };
    for (const row of intakeRows) dayOf(String(row.day)).intake += Number(row.n);
    const verdictCounts = new Map<Verdict, number>();
    for (const row of verified.byDay) {
      dayOf(row.day).verified += row.n;
      verdictCounts.set(row.verdict, (verdictCounts.get(row.verdict) ?? 0) + row.n);
    }
    const activity: DailyActivity[] = [...days].map(([day, d]) => ({ day, ...d }));

    return {
      open: OPEN_STATUSES.reduce((sum, s) => sum + (byStatus.get(s) ?? 0), 0),
      verified: verified.timeToVerify.claims,
      overdue,
      statusCounts,
      throughput: weeklyThroughput(activity, { from: scope.from, to: scope.to }),
      timeToVerify: verified.timeToVerify,
      verdicts: VERDICTS.map((verdict) => ({ verdict, count: verdictCounts.get(verdict) ?? 0 })),
      reviewerLoad: load,
      agreement: monthlyAgreementOfTallies(tallies, 'ordinal', { from: scope.from, to: scope.to }),
    };
  }

  private statusCounts(scope: Scope): Promise<{ status: ClaimStatus; n: string | number }[]> {
    if (!scope.since && !scope.until) {
      // Every claim, whenever taken in: the counts the database keeps for the queue's facets
      // (claim_facet_counts, signed deltas summed), instead of reading every claim (at 1M claims
      // a scan of about half a second on SQLite).
      const project = scope.projectId ? ` AND "projectId" = ${this.postgres ? '$1' : '?'}` : '';
      return this.dataSource.query(
        `SELECT "value" AS "status", SUM("n") AS "n" FROM "claim_facet_counts"
         WHERE "dim" = 'status'${project} GROUP BY "value"`,
        scope.projectId ? [scope.projectId] : [],
      );
    }
    return this.within(
      this.dataSource
        .createQueryBuilder()
        .select('c.status', 'status')
        .addSelect('COUNT(*)', 'n')
        .from(ClaimEntity, 'c')
        .where('1 = 1'),
      scope,
      'c.createdAt',
    )
      .groupBy('c.status')
      .getRawMany();
  }

  private async overdue(scope: Scope): Promise<number> {
    const row = (await this.within(
      this.dataSource
        .createQueryBuilder()
        .select('COUNT(*)', 'n')
        .from(ClaimEntity, 'c')
        .where('c.status IN (:...open)', { open: OPEN_STATUSES })
        .andWhere(`c.dueAt IS NOT NULL AND ${this.ts('c.dueAt')} < :now`, { now: scope.now }),
      scope,
      'c.createdAt',
    ).getRawOne()) as { n: string | number } | undefined;
    return Number(row?.n ?? 0);
  }

  private intakeByDay(scope: Scope): Promise<{ day: string; n: string | number }[]> {
    const day = this.day('c.createdAt');
    return this.within(
      this.dataSource
        .createQueryBuilder()
        .select(day, 'day')
        .addSelect('COUNT(*)', 'n')
        .from(ClaimEntity, 'c')
        .where('1 = 1'),
      scope,
      'c.createdAt',
    )
      .groupBy(day)
      .getRawMany();
  }

  /**
   * Claims verified in the range and still verified (their current adjudication): counted per
   * UTC day and verdict, and the median time to verify from the middle one or two durations,
   * which the database sorts.
   */
  private async verifications(scope: Scope): Promise<{
    byDay: { day: string; verdict: Verdict; n: number }[];
    timeToVerify: TimeToVerify;
  }> {
    const current = () =>
      this.within(
        this.dataSource
          .createQueryBuilder()
          .from(ClaimEntity, 'c')
          .innerJoin(AdjudicationEntity, 'a', 'a.claimId = c.id')
          .where("c.status = 'VERIFIED'")
          .andWhere('a.reopenedAt IS NULL'),
        scope,
        'a.createdAt',
      );
    const day = this.postgres
      ? `to_char(a."createdAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD')`
      : `strftime('%Y-%m-%d', a."createdAt")`;
    const rows = (await current()
      .select(day, 'day')
      .addSelect('a.verdict', 'verdict')
      .addSelect('COUNT(*)', 'n')
      .groupBy(day)
      .addGroupBy('a.verdict')
      .getRawMany()) as { day: string; verdict: Verdict; n: string | number }[];
    const byDay = rows.map((r) => ({ day: String(r.day), verdict: r.verdict, n: Number(r.n) }));
    const claims = byDay.reduce((sum, r) => sum + r.n, 0);
    const window = medianWindow(claims);
    if (!window) return { byDay, timeToVerify: timeToVerifyOfMiddle(0, []) };
    // Whole milliseconds from intake to verification, exactly (timestamps hold milliseconds).
    const duration = this.postgres
      ? `ROUND(EXTRACT(EPOCH FROM (a."createdAt" - c."createdAt")) * 1000)`
      : `CAST(ROUND((julianday(a."createdAt") - julianday(c."createdAt")) * 86400000) AS INTEGER)`;
    const [sql, parameters] = current()
      .select(duration, 'ms')
      .orderBy(duration)
      .offset(window.offset)
      .limit(window.length)
      .getQueryAndParameters();
    const set = await selectRows(this.dataSource, sql, parameters);
    const key = set.key('ms');
    const middle = set.rows.map((row) =>
      Number((row as Readonly<Record<string | number, unknown>>)[key]),
    );
    return { byDay, timeToVerify: timeToVerifyOfMiddle(claims, middle) };
  }

  /**
   * Open and overdue assignments now (on claims of the project, whatever the range) and
   * assessments submitted in the range, for every active reviewer and anyone else holding
   * assignments; busiest first.
   */
  private async reviewerLoad(scope: Scope): Promise<DashboardReviewerLoadType[]> {
    const openRows = (await this.within(
      this.dataSource
        .createQueryBuilder()
        .select('x.reviewerId', 'reviewerId')
        .addSelect('COUNT(*)', 'open')
        .addSelect(
          `SUM(CASE WHEN x.dueAt IS NOT NULL AND ${this.ts('x.dueAt')} < :now THEN 1 ELSE 0 END)`,
          'overdue',
        )
        .from(AssignmentEntity, 'x')
        .where("x.status = 'OPEN'")
        .setParameter('now', scope.now),
      scope,
      null,
      'x."claimId"',
    )
      .groupBy('x.reviewerId')
      .getRawMany()) as { reviewerId: string; open: string | number; overdue: string | number }[];
    const submittedRows = (await this.within(
      this.dataSource
        .createQueryBuilder()
        .select('a.reviewerId', 'reviewerId')
        .addSelect('COUNT(*)', 'n')
        .from(AssessmentEntity, 'a')
        .where("a.status IN ('SUBMITTED', 'SUPERSEDED')")
        .andWhere('a.submittedAt IS NOT NULL'),
      scope,
      'a.submittedAt',
      'a."claimId"',
    )
      .groupBy('a.reviewerId')
      .getRawMany()) as { reviewerId: string; n: string | number }[];

    const ids = [...new Set([...openRows, ...submittedRows].map((r) => r.reviewerId))];
    const users = await this.dataSource.getRepository(UserEntity).find({
      where: [{ role: Role.REVIEWER, active: true }, ...(ids.length ? [{ id: In(ids) }] : [])],
    });
    const open = new Map(openRows.map((r) => [r.reviewerId, r]));
    const submitted = new Map(submittedRows.map((r) => [r.reviewerId, Number(r.n)]));
    return users
      .map((reviewer) => ({
        reviewer,
        open: Number(open.get(reviewer.id)?.open ?? 0),
        overdue: Number(open.get(reviewer.id)?.overdue ?? 0),
        submitted: submitted.get(reviewer.id) ?? 0,
      }))
      .sort(
        (a, b) =>
          b.open - a.open ||
          b.submitted - a.submitted ||
          a.reviewer.displayName.localeCompare(b.reviewer.displayName),
      );
  }
}
