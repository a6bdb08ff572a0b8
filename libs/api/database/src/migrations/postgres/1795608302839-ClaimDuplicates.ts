import { type MigrationInterface, type QueryRunner } from 'typeorm';
import { normaliseClaimText } from '@corroborate/domain';

/**
 * Likely-duplicate search on PostgreSQL: claims.normalisedText (generated), then by hand the
 * pg_trgm extension, a GIN trigram index on normalisedText (declared on ClaimEntity with
 * `synchronize: false` so schema diffs leave it alone) and the normalised text of existing claims.
 */
export class ClaimDuplicates1795608302839 implements MigrationInterface {
  name = 'ClaimDuplicates1795608302839';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "claims" ADD "normalisedText" text NOT NULL DEFAULT \'\'');
    await queryRunner.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
    const rows = (await queryRunner.query('SELECT "id", "text" FROM "claims"')) as {
      id: string;
      text: string;
    }[];
    for (const row of rows) {
      await queryRunner.query('UPDATE "claims" SET "normalisedText" = $1 WHERE "id" = $2', [
        normaliseClaimText(row.text),
        row.id,
      ]);
    }
    await queryRunner.query(
      'CREATE INDEX "claims_normalised_trgm" ON "claims" USING GIN ("normalisedText" gin_trgm_ops)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "claims_normalised_trgm"');
    await queryRunner.query('ALTER TABLE "claims" DROP COLUMN "normalisedText"');
  }
}
