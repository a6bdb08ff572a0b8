import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Likely-duplicate lookup on SQLite keeps each project's trigram sets in memory between lookups
 * (DuplicatesService); "claim_text_versions" tells it when they are stale: one row per project,
 * "version" bumped by triggers on every insert and delete of a claim and every change of a
 * claim's normalised text or project (both projects). A lookup compares the version with the one
 * its copy was built at, in the same read, so a copy is never used after any claim text of its
 * project changed, whichever process or connection changed it. Hand-written: TypeORM knows
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
     INSERT INTO "claim_text_versions" ("projectId", "version") VALUES (new."projectId", 1)
       ON CONFLICT ("projectId") DO UPDATE SET "version" = "version" + 1;
   END`,
  `CREATE TRIGGER "claim_text_versions_update" AFTER UPDATE OF "normalisedText", "projectId" ON "claims"
   WHEN old."normalisedText" IS NOT new."normalisedText" OR old."projectId" IS NOT new."projectId" BEGIN
     INSERT INTO "claim_text_versions" ("projectId", "version") VALUES (old."projectId", 1)
       ON CONFLICT ("projectId") DO UPDATE SET "version" = "version" + 1;
     INSERT INTO "claim_text_versions" ("projectId", "version") VALUES (new."projectId", 1)
       ON CONFLICT ("projectId") DO UPDATE SET "version" = "version" + 1;
   END`,
  `CREATE TRIGGER "claim_text_versions_delete" AFTER DELETE ON "claims" BEGIN
     INSERT INTO "claim_text_versions" ("projectId", "version") VALUES (old."projectId", 1)
       ON CONFLICT ("projectId") DO UPDATE SET "version" = "version" + 1;
   END`,
];

export class ClaimTextVersions1796500000000 implements MigrationInterface {
  name = 'ClaimTextVersions1796500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "claim_text_versions" ("projectId" varchar(36) PRIMARY KEY NOT NULL, "version" integer NOT NULL)`,
    );
    await queryRunner.query(
      `INSERT INTO "claim_text_versions" ("projectId", "version") SELECT "projectId", COUNT(*) FROM "claims" GROUP BY "projectId"`,
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
