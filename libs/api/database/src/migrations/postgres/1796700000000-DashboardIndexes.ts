import { type MigrationInterface, type QueryRunner } from 'typeorm';

/** Indexes widened (same name, same leading columns, so every earlier use still has them). */
const WIDENED: readonly { name: string; table: string; before: string; after: string }[] = [
  {
    name: 'claims_status_created',
    table: 'claims',
    before: '"status", "createdAt", "id"',
    after: '"status", "createdAt", "id", "dueAt"',
  },
  {
    name: 'claims_project_status',
    table: 'claims',
    before: '"projectId", "status"',
    after: '"projectId", "status", "createdAt", "id", "dueAt"',
  },
  {
    name: 'claims_due',
    table: 'claims',
    before: '"dueAt"',
    after: '"dueAt", "status"',
  },
  {
    name: 'assignments_reviewer_status',
    table: 'assignments',
    before: '"reviewerId", "status"',
    after: '"reviewerId", "status", "dueAt", "claimId"',
  },
  {
    name: 'assessments_reviewer_status',
    table: 'assessments',
    before: '"reviewerId", "status"',
    after: '"reviewerId", "status", "submittedAt", "claimId", "verdict"',
  },
  {
    name: 'assessments_claim_status',
    table: 'assessments',
    before: '"claimId", "status"',
    after: '"claimId", "status", "submittedAt", "verdict", "reviewerId"',
  },
  {
    name: 'adjudications_claim',
    table: 'adjudications',
    before: '"claimId", "createdAt"',
    after: '"claimId", "createdAt", "reopenedAt", "verdict"',
  },
];

/**
 * The dashboard and agreement at a million claims: the columns their statements read, in the
 * indexes they already use, so PostgreSQL answers them with index-only scans instead of reading
 * table rows (and, before, joining each assignment or assessment to its claim's row). The same
 * indexes as the SQLite migration of this name, with plain "createdAt" where SQLite needs its
 * normalised expression; see there for which statement reads which. Here claims_due gains
 * "status" so that the overdue count, which PostgreSQL plans on that index, no longer reads every
 * overdue claim's row for its status (2.4 s, 0.36 s after). The entities declare the
 * plain-column ones; the two claims indexes are declared with `synchronize: false` (SQLite's
 * hold an expression).
 */
export class DashboardIndexes1796700000000 implements MigrationInterface {
  name = 'DashboardIndexes1796700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const index of WIDENED) {
      await queryRunner.query(`DROP INDEX "public"."${index.name}"`);
      await queryRunner.query(`CREATE INDEX "${index.name}" ON "${index.table}" (${index.after})`);
    }
    await queryRunner.query(
      'CREATE INDEX "assignments_claim_status" ON "assignments" ("claimId", "status", "reviewerId", "dueAt")',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."assignments_claim_status"');
    for (const index of [...WIDENED].reverse()) {
      await queryRunner.query(`DROP INDEX "public"."${index.name}"`);
      await queryRunner.query(`CREATE INDEX "${index.name}" ON "${index.table}" (${index.before})`);
    }
  }
}
