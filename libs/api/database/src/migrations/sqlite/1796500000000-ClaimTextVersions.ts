import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Likely-duplicate lookup on SQLite keeps each project's trigram sets in memory between lookups
 * (DuplicatesService); "claim_text_versions" tells it when they are stale: one row per project,
 * "inserted" counted up by a trigger on every insert of a claim, "changed" on every delete and
 * every change of a claim's normalised text or project (both projects). A lookup compares both
 * with the values its copy was built at, in the same read: when only "inserted" moved on, it adds
 * the new claims (rowids above the copy's last: a new rowid is above every existing one) and
 * checks their number; when "changed" moved on, it reads the project again. So a copy is never
 * used after any claim text of its project changed, whichever process or connection changed it. Hand-written: TypeORM knows
 * neither triggers nor this table (it has no entity, like claim_facet_counts).
 *
 * The bulk CSV import replaces the insert trigger by one set-based statement per batch
 * (ImportWriter's SQLITE_BATCH_UPKEEP).
 *
 * NOTE for future migrations that rebuild "claims" (TypeORM's temporary_* copy): recreate these
 * triggers too, as for the full-text and facet-count ones (see ClaimDuplicates, QueueFacetCounts).
 */
const TRIGGERS = [
  `CREATE TRIGGER "claim_text_versions_insert" AFTER INSERT ON "claims" BEGIN
     INSERT INTO "claim_text_versions" ("projectId", "inserted", "changed") VALUES (new."projectId", 1, 0)
       ON CONFLICT ("projectId") DO UPDATE SET "inserted" = "inserted" + 1;
   END`,
  `CREATE TRIGGER "claim_text_versions_update" AFTER UPDATE OF "normalisedText", "projectId" ON "claims"
   WHEN old."normalisedText" IS NOT new."normalisedText" OR old."projectId" IS NOT new."projectId" BEGIN
     INSERT INTO "claim_text_versions" ("projectId", "inserted", "changed") VALUES (old."projectId", 0, 1)
       ON CONFLICT ("projectId") DO UPDATE SET "changed" = "changed" + 1;
     INSERT INTO "claim_text_versions" ("projectId", "inserted", "changed") VALUES (new."projectId", 0, 1)
       ON CONFLICT ("projectId") DO UPDATE SET "changed" = "changed" + 1;
   END`,
  `CREATE TRIGGER "claim_text_versions_delete" AFTER DELETE ON "claims" BEGIN
     INSERT INTO "claim_text_versions" ("projectId", "inserted", "changed") VALUES (old."projectId", 0, 1)
       ON CONFLICT ("projectId") DO UPDATE SET "changed" = "changed" + 1;
   END`,
];

export class ClaimTextVersions1796500000000 implements MigrationInterface {
  name = 'ClaimTextVersions1796500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "claim_text_versions" ("projectId" varchar(36) PRIMARY KEY NOT NULL, "inserted" integer NOT NULL, "changed" integer NOT NULL)`,
    );
    await queryRunner.query(
      `INSERT INTO "claim_text_versions" ("projectId", "inserted", "changed") SELECT "projectId", COUNT(*), 0 FROM "claims" GROUP BY "projectId"`,
    );
    for (const sql of TRIGGERS) await queryRunner.query(sql);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER IF EXISTS "claim_text_versions_delete"');
    await queryRunner.query('DROP TRIGGER IF EXISTS "claim_text_versions_update"');
    await queryRunner.query('DROP TRIGGER IF EXISTS "claim_text_versions_insert"');
    await queryRunner.query('DROP TABLE "claim_text_versions"');
  }
}
