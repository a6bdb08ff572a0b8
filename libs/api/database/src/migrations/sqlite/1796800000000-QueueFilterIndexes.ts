import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Found by `npm run bench:operations` at 1M claims:
 * - A project's queue in its default order (UPDATED_DESC) sorted all of the project's claims on
 *   every request (0.9 s at 100,000 claims a project): the queue sorts by the normalised
 *   strftime('%Y-%m-%d %H:%M:%f', "updatedAt") (ClaimsRepository.ts), which the plain
 *   ("projectId", "updatedAt") index does not serve. It is rebuilt on that expression and the id,
 *   the order's tie-break, so the page is read in index order; likewise the priority order's
 *   ("projectId", "priorityRank", "updatedAt") index gains the expression and the id.
 * - A claim's history looks for claims merged into it ("duplicateOfId"), which had no index: a
 *   scan of every claim each time a claim was opened. Partial: only merged claims have one.
 * - The "disagreements" queue of a project read every claim of the project to find the few in
 *   disagreement: a partial index of those claims, with the status and priority its counts need.
 * - The source list counted each source's items that are not retracted by reading every item:
 *   it now counts a source's items from ("sourceId", "createdAt") and subtracts its retracted ones,
 *   found by this partial index (a few per source), so neither count reads the items.
 * The entities declare these with `synchronize: false`. Dropping an index drops its planner
 * statistics; the server completes them when it starts (completeSqliteStatistics).
 */
export class QueueFilterIndexes1796800000000 implements MigrationInterface {
  name = 'QueueFilterIndexes1796800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "claims_project_updated"');
    await queryRunner.query(
      'CREATE INDEX "claims_project_updated" ON "claims" ("projectId", strftime(\'%Y-%m-%d %H:%M:%f\', "updatedAt"), "id")',
    );
    await queryRunner.query('DROP INDEX "claims_project_priority"');
    await queryRunner.query(
      'CREATE INDEX "claims_project_priority" ON "claims" ("projectId", "priorityRank", strftime(\'%Y-%m-%d %H:%M:%f\', "updatedAt"), "id")',
    );
    await queryRunner.query(
      'CREATE INDEX "claims_duplicate_of" ON "claims" ("duplicateOfId") WHERE "duplicateOfId" IS NOT NULL',
    );
    await queryRunner.query(
      'CREATE INDEX "claims_disagreement" ON "claims" ("projectId", "status", "priority") WHERE "hasDisagreement" = 1',
    );
    await queryRunner.query(
      'CREATE INDEX "evidence_source_retracted" ON "evidence" ("sourceId") WHERE "retracted" = 1',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "claims_disagreement"');
    await queryRunner.query('DROP INDEX "evidence_source_retracted"');
    await queryRunner.query('DROP INDEX "claims_duplicate_of"');
    await queryRunner.query('DROP INDEX "claims_project_priority"');
    await queryRunner.query(
      'CREATE INDEX "claims_project_priority" ON "claims" ("projectId", "priorityRank", "updatedAt") ',
    );
    await queryRunner.query('DROP INDEX "claims_project_updated"');
    await queryRunner.query(
      'CREATE INDEX "claims_project_updated" ON "claims" ("projectId", "updatedAt") ',
    );
  }
}
