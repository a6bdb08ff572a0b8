import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The default queue order (UPDATED_DESC, no project filter). Generated, then hand-edited: SQLite
 * sorts by strftime('%Y-%m-%d %H:%M:%f', "updatedAt") (ClaimsRepository.ts normalises timestamps
 * written in two formats), so the index is on that expression; a plain ("updatedAt", "id") index
 * would not serve the sort. The entity declares it with `synchronize: false`.
 */
export class QueueSortIndex1795620243788 implements MigrationInterface {
  name = 'QueueSortIndex1795620243788';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE INDEX "claims_updated" ON "claims" (strftime(\'%Y-%m-%d %H:%M:%f\', "updatedAt"), "id")',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "claims_updated"');
  }
}
