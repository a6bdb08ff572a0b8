import { type MigrationInterface, type QueryRunner } from 'typeorm';
import { normaliseClaimText } from '@corroborate/domain';

/**
 * Likely-duplicate search on SQLite. Generated (the new column claims.normalisedText rebuilds
 * "claims"), then hand-edited:
 * - the rebuild drops the full-text triggers of ClaimSearch1795599378503 and may renumber rowids,
 *   so both directions recreate them and rebuild claims_fts;
 * - "claims_trgm", an FTS5 external-content table over normalisedText with the trigram
 *   tokenizer, kept in sync by triggers: the index that fetches candidate duplicates (scored
 *   afterwards with the domain's pg_trgm-compatible trigramSimilarity);
 * - existing claims get their normalisedText.
 *
 * NOTE for future migrations that rebuild "claims": recreate BOTH sets of triggers (claims_fts_*
 * and claims_trgm_*) and rebuild both FTS tables.
 */
async function restoreClaimSearch(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query('DROP TRIGGER IF EXISTS "claims_fts_insert"');
  await queryRunner.query('DROP TRIGGER IF EXISTS "claims_fts_delete"');
  await queryRunner.query('DROP TRIGGER IF EXISTS "claims_fts_update"');
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

async function createTrigramIndex(queryRunner: QueryRunner): Promise<void> {
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
  const rows = (await queryRunner.query('SELECT "id", "text" FROM "claims"')) as {
    id: string;
    text: string;
  }[];
  for (const row of rows) {
    await queryRunner.query('UPDATE "claims" SET "normalisedText" = ? WHERE "id" = ?', [
      normaliseClaimText(row.text),
      row.id,
    ]);
  }
  await queryRunner.query(`INSERT INTO "claims_trgm"("claims_trgm") VALUES ('rebuild')`);
}

async function dropTrigramIndex(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query('DROP TRIGGER IF EXISTS "claims_trgm_update"');
  await queryRunner.query('DROP TRIGGER IF EXISTS "claims_trgm_delete"');
  await queryRunner.query('DROP TRIGGER IF EXISTS "claims_trgm_insert"');
  await queryRunner.query('DROP TABLE IF EXISTS "claims_trgm"');
}

export class ClaimDuplicates1795608302839 implements MigrationInterface {
  name = 'ClaimDuplicates1795608302839';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "claims_due"');
    await queryRunner.query('DROP INDEX "claims_project_priority"');
    await queryRunner.query('DROP INDEX "claims_project_updated"');
    await queryRunner.query('DROP INDEX "claims_project_status"');
    await queryRunner.query(
      'CREATE TABLE "temporary_claims" ("id" varchar PRIMARY KEY NOT NULL, "projectId" varchar(36) NOT NULL, "text" text NOT NULL, "claimant" varchar(300), "firstAppearanceUrl" varchar(2048), "firstAppearedAt" datetime, "topics" text NOT NULL, "priority" varchar(10) NOT NULL, "priorityRank" integer NOT NULL, "dueAt" datetime, "status" varchar(20) NOT NULL, "rejectionReason" text, "duplicateOfId" varchar(36), "hasContradiction" boolean NOT NULL DEFAULT (0), "createdById" varchar(36), "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "updatedAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "version" integer NOT NULL, "hasDisagreement" boolean NOT NULL DEFAULT (0), "normalisedText" text NOT NULL DEFAULT (\'\'), CONSTRAINT "FK_0a0727bbfa4eabf921f19eb6268" FOREIGN KEY ("projectId") REFERENCES "projects" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_claims"("id", "projectId", "text", "claimant", "firstAppearanceUrl", "firstAppearedAt", "topics", "priority", "priorityRank", "dueAt", "status", "rejectionReason", "duplicateOfId", "hasContradiction", "createdById", "createdAt", "updatedAt", "version", "hasDisagreement") SELECT "id", "projectId", "text", "claimant", "firstAppearanceUrl", "firstAppearedAt", "topics", "priority", "priorityRank", "dueAt", "status", "rejectionReason", "duplicateOfId", "hasContradiction", "createdById", "createdAt", "updatedAt", "version", "hasDisagreement" FROM "claims"',
    );
    await queryRunner.query('DROP TABLE "claims"');
    await queryRunner.query('ALTER TABLE "temporary_claims" RENAME TO "claims"');
    await queryRunner.query('CREATE INDEX "claims_due" ON "claims" ("dueAt") ');
    await queryRunner.query(
      'CREATE INDEX "claims_project_priority" ON "claims" ("projectId", "priorityRank", "updatedAt") ',
    );
    await queryRunner.query(
      'CREATE INDEX "claims_project_updated" ON "claims" ("projectId", "updatedAt") ',
    );
    await queryRunner.query(
      'CREATE INDEX "claims_project_status" ON "claims" ("projectId", "status") ',
    );
    await restoreClaimSearch(queryRunner);
    await createTrigramIndex(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await dropTrigramIndex(queryRunner);
    await queryRunner.query('DROP INDEX "claims_project_status"');
    await queryRunner.query('DROP INDEX "claims_project_updated"');
    await queryRunner.query('DROP INDEX "claims_project_priority"');
    await queryRunner.query('DROP INDEX "claims_due"');
    await queryRunner.query('ALTER TABLE "claims" RENAME TO "temporary_claims"');
    await queryRunner.query(
      'CREATE TABLE "claims" ("id" varchar PRIMARY KEY NOT NULL, "projectId" varchar(36) NOT NULL, "text" text NOT NULL, "claimant" varchar(300), "firstAppearanceUrl" varchar(2048), "firstAppearedAt" datetime, "topics" text NOT NULL, "priority" varchar(10) NOT NULL, "priorityRank" integer NOT NULL, "dueAt" datetime, "status" varchar(20) NOT NULL, "rejectionReason" text, "duplicateOfId" varchar(36), "hasContradiction" boolean NOT NULL DEFAULT (0), "createdById" varchar(36), "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "updatedAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "version" integer NOT NULL, "hasDisagreement" boolean NOT NULL DEFAULT (0), CONSTRAINT "FK_0a0727bbfa4eabf921f19eb6268" FOREIGN KEY ("projectId") REFERENCES "projects" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "claims"("id", "projectId", "text", "claimant", "firstAppearanceUrl", "firstAppearedAt", "topics", "priority", "priorityRank", "dueAt", "status", "rejectionReason", "duplicateOfId", "hasContradiction", "createdById", "createdAt", "updatedAt", "version", "hasDisagreement") SELECT "id", "projectId", "text", "claimant", "firstAppearanceUrl", "firstAppearedAt", "topics", "priority", "priorityRank", "dueAt", "status", "rejectionReason", "duplicateOfId", "hasContradiction", "createdById", "createdAt", "updatedAt", "version", "hasDisagreement" FROM "temporary_claims"',
    );
    await queryRunner.query('DROP TABLE "temporary_claims"');
    await queryRunner.query(
      'CREATE INDEX "claims_project_status" ON "claims" ("projectId", "status") ',
    );
    await queryRunner.query(
      'CREATE INDEX "claims_project_updated" ON "claims" ("projectId", "updatedAt") ',
    );
    await queryRunner.query(
      'CREATE INDEX "claims_project_priority" ON "claims" ("projectId", "priorityRank", "updatedAt") ',
    );
    await queryRunner.query('CREATE INDEX "claims_due" ON "claims" ("dueAt") ');
    await restoreClaimSearch(queryRunner);
  }
}
