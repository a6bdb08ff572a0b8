import { type MigrationInterface, type QueryRunner } from 'typeorm';

const CREATED = `strftime('%Y-%m-%d %H:%M:%f', "createdAt")`;

/** Indexes widened (same name, same leading columns, so every earlier use still has them). */
const WIDENED: readonly { name: string; table: string; before: string; after: string }[] = [
  {
    name: 'claims_status_created',
    table: 'claims',
    before: `"status", ${CREATED}, "id"`,
    after: `"status", ${CREATED}, "id", "createdAt", "dueAt"`,
  },
  {
    name: 'claims_project_status',
    table: 'claims',
    before: '"projectId", "status"',
    after: `"projectId", "status", ${CREATED}, "id", "createdAt", "dueAt"`,
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
 * The dashboard and agreement at a million claims: every statement they run reads one index
 * alone (EXPLAIN QUERY PLAN: "USING COVERING INDEX"), where they read table rows in index order
 * and joined each assignment or assessment to its claim's row (8-12 s a statement).
 *
 * - claims: whole organisation, status counts, intake per day, overdue and the verified claims'
 *   times come from ("status", createdAt expression, "id", "createdAt", "dueAt"); for a project
 *   from ("projectId", "status", createdAt expression, "id", "createdAt", "dueAt"), which also
 *   gives the project's claim ids that assignments and assessments are matched against. The
 *   expression serves range conditions; the plain "createdAt" is there because SQLite does not
 *   take an expression's value from an index under GROUP BY or in another function.
 * - claims_due gains "status": PostgreSQL's overdue count reads it alone (it read every overdue
 *   claim's row for its status, 2.4 s); declared on the entity, so the same on both dialects.
 * - assignments: open load per reviewer in reviewer order; per claim for a project.
 * - assessments: submissions per reviewer in reviewer order; verdicts per claim in claim order
 *   (alpha's counts per claim).
 * - adjudications: the current adjudication of a verified claim with its time and verdict.
 *
 * The entities declare the plain-column ones; the two claims indexes hold an expression and are
 * declared with `synchronize: false`.
 */
export class DashboardIndexes1796700000000 implements MigrationInterface {
  name = 'DashboardIndexes1796700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const index of WIDENED) {
      await queryRunner.query(`DROP INDEX "${index.name}"`);
      await queryRunner.query(`CREATE INDEX "${index.name}" ON "${index.table}" (${index.after})`);
    }
    await queryRunner.query(
      'CREATE INDEX "assignments_claim_status" ON "assignments" ("claimId", "status", "reviewerId", "dueAt")',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "assignments_claim_status"');
    for (const index of [...WIDENED].reverse()) {
      await queryRunner.query(`DROP INDEX "${index.name}"`);
      await queryRunner.query(`CREATE INDEX "${index.name}" ON "${index.table}" (${index.before})`);
    }
  }
}
