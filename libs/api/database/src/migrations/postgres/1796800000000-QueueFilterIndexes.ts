import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Found by `npm run bench:operations` at 1M claims:
 * - A project's queue in its default order (UPDATED_DESC, then id) is read from
 *   ("projectId", "updatedAt", "id"), the whole order, rather than ("projectId", "updatedAt");
 *   likewise the priority order from ("projectId", "priorityRank", "updatedAt", "id").
 * - A claim's history looks for claims merged into it ("duplicateOfId"), which had no index: a
 *   scan of every claim each time a claim was opened. Partial: only merged claims have one.
 * - The "disagreements" queue of a project read every claim of the project to find the few in
 *   disagreement: a partial index of those claims, with the status and priority its counts need.
 * - The source list counted each source's items that are not retracted by reading every item:
 *   it now counts a source's items from ("sourceId", "createdAt") and subtracts its retracted ones,
 *   found by this partial index (a few per source), so neither count reads the items.
 * The entities declare these with `synchronize: false`.
 */
export class QueueFilterIndexes1796800000000 implements MigrationInterface {
  name = 'QueueFilterIndexes1796800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."claims_project_updated"');
    await queryRunner.query(
      'CREATE INDEX "claims_project_updated" ON "claims" ("projectId", "updatedAt", "id")',
    );
    await queryRunner.query('DROP INDEX "public"."claims_project_priority"');
    await queryRunner.query(
      'CREATE INDEX "claims_project_priority" ON "claims" ("projectId", "priorityRank", "updatedAt", "id")',
    );
    await queryRunner.query(
      'CREATE INDEX "claims_duplicate_of" ON "claims" ("duplicateOfId") WHERE "duplicateOfId" IS NOT NULL',
    );
    await queryRunner.query(
      'CREATE INDEX "claims_disagreement" ON "claims" ("projectId", "status", "priority") WHERE "hasDisagreement"',
    );
    await queryRunner.query(
      'CREATE INDEX "evidence_source_retracted" ON "evidence" ("sourceId") WHERE "retracted"',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."claims_disagreement"');
    await queryRunner.query('DROP INDEX "public"."evidence_source_retracted"');
    await queryRunner.query('DROP INDEX "public"."claims_duplicate_of"');
    await queryRunner.query('DROP INDEX "public"."claims_project_priority"');
    await queryRunner.query(
      'CREATE INDEX "claims_project_priority" ON "claims" ("projectId", "priorityRank", "updatedAt")',
    );
    await queryRunner.query('DROP INDEX "public"."claims_project_updated"');
    await queryRunner.query(
      'CREATE INDEX "claims_project_updated" ON "claims" ("projectId", "updatedAt")',
    );
  }
}
