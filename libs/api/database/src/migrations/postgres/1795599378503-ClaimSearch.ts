import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Full-text search over claims(text, claimant): a GIN index on the same tsvector expression the
 * queue's text filter uses (ClaimsRepository), so the filter is an index scan, not a LIKE scan.
 * Declared on ClaimEntity as `@Index('claims_search', { synchronize: false })` so schema diffs
 * leave it alone.
 */
export class ClaimSearch1795599378503 implements MigrationInterface {
  name = 'ClaimSearch1795599378503';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "claims_search" ON "claims" USING GIN (to_tsvector('simple', coalesce("text", '') || ' ' || coalesce("claimant", '')))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "claims_search"');
  }
}
