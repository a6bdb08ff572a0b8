import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Likely duplicates through one GiST index per project instead of a GIN index over every claim:
 * "claims_duplicates" on ("projectId", "normalisedText" gist_trgm_ops) — btree_gist for the uuid —
 * serves `WHERE "projectId" = $p ORDER BY "normalisedText" <-> $t LIMIT k`, the project's claims
 * nearest first, without filtering every project's trigram matches after the fact (see
 * DuplicatesService). The GIN index "claims_normalised_trgm" served only that lookup and goes.
 * siglen 256 bytes (2,048 bits) instead of the default 12: inner entries of a tree over texts of
 * claim length saturate a 96-bit signature; 64 to 2,024 bytes read about as many pages on the
 * bench corpus (docs/benchmarks.md).
 * Declared on ClaimEntity with `synchronize: false` so schema diffs leave it alone.
 */
export class ClaimDuplicatesIndex1795620400000 implements MigrationInterface {
  name = 'ClaimDuplicatesIndex1795620400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE EXTENSION IF NOT EXISTS btree_gist');
    await queryRunner.query(
      'CREATE INDEX "claims_duplicates" ON "claims" USING gist ("projectId", "normalisedText" gist_trgm_ops (siglen = 256))',
    );
    await queryRunner.query('DROP INDEX "claims_normalised_trgm"');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE INDEX "claims_normalised_trgm" ON "claims" USING GIN ("normalisedText" gin_trgm_ops)',
    );
    await queryRunner.query('DROP INDEX "claims_duplicates"');
  }
}
