import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Likely duplicates from a covering index per project instead of the FTS5 trigram table:
 * "claims_duplicates" on ("projectId", "normalisedText") hands DuplicatesService a project's
 * normalised texts in one range read, which it scores exactly (the domain's pg_trgm-compatible
 * measure). "claims_trgm" (FTS5 trigram table over normalisedText, kept by three triggers)
 * served only that lookup, and only as a ranking of candidates by bm25, not by similarity; it goes,
 * with its triggers, so writes to "claims" no longer feed it.
 * Declared on ClaimEntity with `synchronize: false` (PostgreSQL's index of that name is GiST).
 *
 * NOTE for future migrations that rebuild "claims": the full-text triggers to recreate are now
 * only claims_fts_* (ClaimSearch), plus the facet-count triggers (QueueFacetCounts).
 */
export class ClaimDuplicatesIndex1795620400000 implements MigrationInterface {
  name = 'ClaimDuplicatesIndex1795620400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE INDEX "claims_duplicates" ON "claims" ("projectId", "normalisedText")',
    );
    await queryRunner.query('DROP TRIGGER IF EXISTS "claims_trgm_update"');
    await queryRunner.query('DROP TRIGGER IF EXISTS "claims_trgm_delete"');
    await queryRunner.query('DROP TRIGGER IF EXISTS "claims_trgm_insert"');
    await queryRunner.query('DROP TABLE IF EXISTS "claims_trgm"');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE VIRTUAL TABLE "claims_trgm" USING fts5("normalisedText", content='claims', content_rowid='rowid', tokenize='trigram')`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "claims_trgm_insert" AFTER INSERT ON "claims" BEGIN INSERT INTO "claims_trgm"(rowid, "normalisedText") VALUES (new.rowid, new."normalisedText"); END`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "claims_trgm_delete" AFTER DELETE ON "claims" BEGIN INSERT INTO "claims_trgm"("claims_trgm", rowid, "normalisedText") VALUES ('delete', old.rowid, old."normalisedText"); END`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "claims_trgm_update" AFTER UPDATE OF "normalisedText" ON "claims" BEGIN INSERT INTO "claims_trgm"("claims_trgm", rowid, "normalisedText") VALUES ('delete', old.rowid, old."normalisedText"); INSERT INTO "claims_trgm"(rowid, "normalisedText") VALUES (new.rowid, new."normalisedText"); END`,
    );
    await queryRunner.query(`INSERT INTO "claims_trgm"("claims_trgm") VALUES ('rebuild')`);
    await queryRunner.query('DROP INDEX "claims_duplicates"');
  }
}
