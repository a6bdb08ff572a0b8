import { type DataSource, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { comparableTimestamp, selectRows } from '@corroborate/api-database';
import {
  AgreementInputError,
  type MonthlyVerdictTally,
  type RatedVerdict,
  VERDICT_SCALE,
} from '@corroborate/domain';
import { AssessmentEntity } from './review.entities';

/** Which current submitted verdicts to count. */
export interface VerdictTallyFilter {
  /** Claims of this project only. */
  readonly projectId?: string | null;
  /** Verdicts of these reviewers only. */
  readonly reviewerIds?: readonly string[] | null;
  /** Submitted at or after. */
  readonly from?: Date | null;
  /** Submitted at or before (inclusive). */
  readonly to?: Date | null;
  /** Submitted before (exclusive). */
  readonly before?: Date | null;
  /** Tally per month (UTC) of each claim's last submitted verdict; otherwise `month` is ''. */
  readonly byMonth?: boolean;
}

/**
 * Current (SUBMITTED, with a submission time) verdicts counted per claim and then grouped by
 * month and combination of counts: what alpha needs (libs/domain tallyAlpha,
 * monthlyAgreementOfTallies) in a few hundred rows instead of a row per verdict, which at a
 * million claims took seconds to read and more to hydrate. The count per claim reads the
 * ("claimId", "status", "submittedAt", "verdict", "reviewerId") index alone, claim by claim, and
 * a project's claims come from the ("projectId", …, "id") index of claims. Throws
 * AgreementInputError, as verdictAlpha does, when a reviewer has two current verdicts on a claim.
 */
export async function readVerdictTallies(
  dataSource: DataSource,
  filter: VerdictTallyFilter,
): Promise<MonthlyVerdictTally[]> {
  const postgres = dataSource.options.type === 'postgres';
  const month = postgres
    ? `to_char(MAX(a."submittedAt") AT TIME ZONE 'UTC', 'YYYY-MM')`
    : `substr(MAX(${submittedAt(dataSource)}), 1, 7)`;
  const qb = currentVerdicts(dataSource, filter).select(filter.byMonth ? month : `''`, 'month');
  VERDICT_SCALE.forEach((v, i) =>
    qb.addSelect(`SUM(CASE WHEN a."verdict" = '${v}' THEN 1 ELSE 0 END)`, `v${i}`),
  );
  qb.addSelect('COUNT(*) - COUNT(DISTINCT a."reviewerId")', 'repeated').groupBy('a."claimId"');
  const [perClaim, parameters] = qb.getQueryAndParameters();
  const columns = ['month', ...VERDICT_SCALE.map((_, i) => `v${i}`)].map((c) => `u."${c}"`);
  const set = await selectRows(
    dataSource,
    `SELECT ${columns.join(', ')}, COUNT(*) AS "claims", SUM(u."repeated") AS "repeated" FROM (${perClaim}) u GROUP BY ${columns.join(', ')}`,
    parameters,
  );
  const keys = {
    month: set.key('month'),
    claims: set.key('claims'),
    repeated: set.key('repeated'),
    verdicts: VERDICT_SCALE.map((_, i) => set.key(`v${i}`)),
  };
  return set.rows.map((row) => {
    const values = row as Readonly<Record<string | number, unknown>>;
    if (Number(values[keys.repeated]) > 0)
      throw new AgreementInputError('A reviewer has more than one current verdict for a claim');
    const counts: Partial<Record<RatedVerdict, number>> = {};
    VERDICT_SCALE.forEach((v, i) => {
      const n = Number(values[keys.verdicts[i]]);
      if (n > 0) counts[v] = n;
    });
    return { month: String(values[keys.month]), claims: Number(values[keys.claims]), counts };
  });
}

/** The reviewers with a current submitted verdict under the filter, sorted. */
export async function readTallyReviewers(
  dataSource: DataSource,
  filter: VerdictTallyFilter,
): Promise<string[]> {
  const [sql, parameters] = currentVerdicts(dataSource, filter)
    .select('a."reviewerId"', 'reviewerId')
    .groupBy('a."reviewerId"')
    .getQueryAndParameters();
  const set = await selectRows(dataSource, sql, parameters);
  const key = set.key('reviewerId');
  return set.rows
    .map((row) => String((row as Readonly<Record<string | number, unknown>>)[key]))
    .sort();
}

/** The submission time, comparable with Date parameters on both dialects. */
function submittedAt(dataSource: DataSource): string {
  return comparableTimestamp(dataSource, 'a."submittedAt"');
}

/** Current submitted verdicts (alias a) under the filter. */
function currentVerdicts(
  dataSource: DataSource,
  filter: VerdictTallyFilter,
): SelectQueryBuilder<ObjectLiteral> {
  const at = submittedAt(dataSource);
  const qb = dataSource
    .createQueryBuilder()
    .from(AssessmentEntity, 'a')
    .where(`a."status" = 'SUBMITTED'`)
    .andWhere('a."submittedAt" IS NOT NULL');
  // A project's claims, as a set: no join to the claims table (one row read per verdict).
  if (filter.projectId)
    qb.andWhere('a."claimId" IN (SELECT c."id" FROM "claims" c WHERE c."projectId" = :projectId)', {
      projectId: filter.projectId,
    });
  if (filter.reviewerIds)
    qb.andWhere('a."reviewerId" IN (:...reviewerIds)', { reviewerIds: filter.reviewerIds });
  if (filter.from) qb.andWhere(`${at} >= :from`, { from: filter.from });
  if (filter.to) qb.andWhere(`${at} <= :to`, { to: filter.to });
  if (filter.before) qb.andWhere(`${at} < :before`, { before: filter.before });
  return qb;
}
