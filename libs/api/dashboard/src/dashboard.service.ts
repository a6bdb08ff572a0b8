import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type SelectQueryBuilder } from 'typeorm';
import { ClaimEntity } from '@corroborate/api-claims';
import { BadInputError, Role } from '@corroborate/api-core';
import { ProjectsService } from '@corroborate/api-projects';
import { AdjudicationEntity, AssessmentEntity, AssignmentEntity } from '@corroborate/api-reviews';
import { UserEntity } from '@corroborate/api-users';
import {
  CLAIM_STATUSES,
  type ClaimStatus,
  type DailyActivity,
  monthlyAgreement,
  timeToVerify,
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

/** A timestamp as the drivers return it: a Date (PostgreSQL) or UTC text (SQLite). */
function toDate(value: unknown): Date {
  if (value instanceof Date) return value;
  const text = String(value);
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text.replace(' ', 'T')}Z`);
}

/**
 * The dashboard's figures. Counting and grouping by day happen in SQL; the figures that need
 * every value (the median, alpha) come from libs/domain over the rows of the chosen range.
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
    return this.postgres ? column : `strftime('%Y-%m-%d %H:%M:%f', ${column})`;
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

  /** Restricts to the scope's project and to `column` within its days. */
  private within<T extends object>(
    qb: SelectQueryBuilder<T>,
    scope: Scope,
    column: string | null,
  ): SelectQueryBuilder<T> {
    if (scope.projectId) qb.andWhere('c.projectId = :projectId', { projectId: scope.projectId });
    if (column && scope.since) qb.andWhere(`${this.ts(column)} >= :since`, { since: scope.since });
    if (column && scope.until) qb.andWhere(`${this.ts(column)} < :until`, { until: scope.until });
    return qb;
  }

  async dashboard(filter: DashboardFilter): Promise<DashboardType> {
    const scope = await this.scope(filter);
    const [statusRows, overdue, intakeRows, verifiedRows, load, verdictRows] = await Promise.all([
      this.statusCounts(scope),
      this.overdue(scope),
      this.intakeByDay(scope),
      this.verifications(scope),
      this.reviewerLoad(scope),
      this.submittedVerdicts(scope),
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
    for (const row of verifiedRows) {
      dayOf(utcDay(row.verifiedAt)).verified += 1;
      verdictCounts.set(row.verdict, (verdictCounts.get(row.verdict) ?? 0) + 1);
    }
    const activity: DailyActivity[] = [...days].map(([day, d]) => ({ day, ...d }));

    return {
      open: OPEN_STATUSES.reduce((sum, s) => sum + (byStatus.get(s) ?? 0), 0),
      verified: verifiedRows.length,
      overdue,
      statusCounts,
      throughput: weeklyThroughput(activity, { from: scope.from, to: scope.to }),
      timeToVerify: timeToVerify(verifiedRows),
      verdicts: VERDICTS.map((verdict) => ({ verdict, count: verdictCounts.get(verdict) ?? 0 })),
      reviewerLoad: load,
      agreement: monthlyAgreement(verdictRows, 'ordinal', { from: scope.from, to: scope.to }),
    };
  }

  private statusCounts(scope: Scope): Promise<{ status: ClaimStatus; n: string | number }[]> {
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

  /** Claims verified in the range and still verified: their current adjudication. */
  private async verifications(
    scope: Scope,
  ): Promise<{ createdAt: Date; verifiedAt: Date; verdict: Verdict }[]> {
    const rows = (await this.within(
      this.dataSource
        .createQueryBuilder()
        .select('c.createdAt', 'createdAt')
        .addSelect('a.createdAt', 'verifiedAt')
        .addSelect('a.verdict', 'verdict')
        .from(AdjudicationEntity, 'a')
        .innerJoin(ClaimEntity, 'c', 'c.id = a.claimId')
        .where("c.status = 'VERIFIED'")
        .andWhere('a.reopenedAt IS NULL'),
      scope,
      'a.createdAt',
    ).getRawMany()) as { createdAt: unknown; verifiedAt: unknown; verdict: Verdict }[];
    return rows.map((r) => ({
      createdAt: toDate(r.createdAt),
      verifiedAt: toDate(r.verifiedAt),
      verdict: r.verdict,
    }));
  }

  /** Current (not superseded) submitted verdicts in the range, for alpha per month. */
  private async submittedVerdicts(scope: Scope) {
    const rows = (await this.within(
      this.dataSource
        .createQueryBuilder()
        .select('a.claimId', 'claimId')
        .addSelect('a.reviewerId', 'reviewerId')
        .addSelect('a.verdict', 'verdict')
        .addSelect('a.submittedAt', 'submittedAt')
        .from(AssessmentEntity, 'a')
        .innerJoin(ClaimEntity, 'c', 'c.id = a.claimId')
        .where("a.status = 'SUBMITTED'")
        .andWhere('a.submittedAt IS NOT NULL'),
      scope,
      'a.submittedAt',
    ).getRawMany()) as {
      claimId: string;
      reviewerId: string;
      verdict: Verdict | null;
      submittedAt: unknown;
    }[];
    return rows.map((r) => ({ ...r, submittedAt: toDate(r.submittedAt) }));
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
        .innerJoin(ClaimEntity, 'c', 'c.id = x.claimId')
        .where("x.status = 'OPEN'")
        .setParameter('now', scope.now),
      scope,
      null,
    )
      .groupBy('x.reviewerId')
      .getRawMany()) as { reviewerId: string; open: string | number; overdue: string | number }[];
    const submittedRows = (await this.within(
      this.dataSource
        .createQueryBuilder()
        .select('a.reviewerId', 'reviewerId')
        .addSelect('COUNT(*)', 'n')
        .from(AssessmentEntity, 'a')
        .innerJoin(ClaimEntity, 'c', 'c.id = a.claimId')
        .where("a.status IN ('SUBMITTED', 'SUPERSEDED')")
        .andWhere('a.submittedAt IS NOT NULL'),
      scope,
      'a.submittedAt',
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
