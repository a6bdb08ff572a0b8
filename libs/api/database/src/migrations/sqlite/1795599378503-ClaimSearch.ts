import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Full-text search over claims(text, claimant): an FTS5 external-content table kept in sync by
 * triggers. Hand-written (TypeORM does not know virtual tables or triggers).
 *
 * NOTE for future migrations: the index is keyed by the claims table's implicit rowid. A
 * migration that rebuilds "claims" (TypeORM's temporary_claims copy) drops these triggers and
 * renumbers rowids; it must recreate the triggers below and run
 * `INSERT INTO "claims_fts"("claims_fts") VALUES ('rebuild')`.
 */
export class ClaimSearch1795599378503 implements MigrationInterface {
  name = 'ClaimSearch1795599378503';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE VIRTUAL TABLE "claims_fts" USING fts5("text", "claimant", content='claims', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2')`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "claims_fts_insert" AFTER INSERT ON "claims" BEGIN INSERT INTO "claims_fts"(rowid, "text", "claimant") VALUES (new.rowid, new."text", new."claimant"); END`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "claims_fts_delete" AFTER DELETE ON "claims" BEGIN INSERT INTO "claims_fts"("claims_fts", rowid, "text", "claimant") VALUES ('delete', old.rowid, old."text", old."claimant"); END`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "claims_fts_update" AFTER UPDATE OF "text", "claimant" ON "claims" BEGIN INSERT INTO "claims_fts"("claims_fts", rowid, "text", "claimant") VALUES ('delete', old.rowid, old."text", old."claimant"); INSERT INTO "claims_fts"(rowid, "text", "claimant") VALUES (new.rowid, new."text", new."claimant"); END`,
    );
    await queryRunner.query(`INSERT INTO "claims_fts"("claims_fts") VALUES ('rebuild')`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER IF EXISTS "claims_fts_update"');
    await queryRunner.query('DROP TRIGGER IF EXISTS "claims_fts_delete"');
    await queryRunner.query('DROP TRIGGER IF EXISTS "claims_fts_insert"');
    await queryRunner.query('DROP TABLE IF EXISTS "claims_fts"');
  }
}
