import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Exports read VERIFIED claims in creation order by keyset pages (ExportRecords): without an
 * index on that order every page sorted all the claims, so an export's time grew with the square
 * of its size. Hand-written like QueueSortIndex: SQLite sorts by the normalised
 * strftime('%Y-%m-%d %H:%M:%f', "createdAt") (ClaimsRepository.ts), so the index is on that
 * expression. Status first, so one index serves exports with and without a project filter. The
 * entity declares it with `synchronize: false`.
 */
export class ExportOrderIndex1796415179727 implements MigrationInterface {
  name = 'ExportOrderIndex1796415179727';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE INDEX "claims_status_created" ON "claims" ("status", strftime(\'%Y-%m-%d %H:%M:%f\', "createdAt"), "id")',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "claims_status_created"');
  }
}
