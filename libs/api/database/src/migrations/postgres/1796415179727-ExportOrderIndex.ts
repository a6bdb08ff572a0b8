import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Exports read VERIFIED claims in creation order by keyset pages (ExportRecords): without an
 * index on that order every page sorted all the claims, so an export's time grew with the square
 * of its size. Status first, so one index serves exports with and without a project filter.
 */
export class ExportOrderIndex1796415179727 implements MigrationInterface {
  name = 'ExportOrderIndex1796415179727';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE INDEX "claims_status_created" ON "claims" ("status", "createdAt", "id")',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."claims_status_created"');
  }
}
