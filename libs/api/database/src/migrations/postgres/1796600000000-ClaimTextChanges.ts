import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Likely-duplicate lookup on PostgreSQL keeps each project's trigram sets in memory between
 * lookups (DuplicatesService), as on SQLite; "claim_text_changes" tells each API instance what
 * changed since the snapshot its copy was read at. It is insert-only, so concurrent writers never
 * wait on one another for it (a counter row per project would hold every writer of a project
 * until the first commits):
 * - a row per inserted, deleted or re-texted claim (both projects when a claim moves), stamped with
 *   the writing transaction's id (`xid`, pg_current_xact_id()); a statement inserting more than
 *   256 claims writes one row per project with no claim ("read the project again") instead;
 * - a reader keeps the snapshot (pg_current_snapshot()) its copy was read or last brought up to
 *   date at, and applies the rows whose transaction that snapshot did not see and its new one does
 *   (pg_visible_in_snapshot on both), so a transaction that commits after a later one is not
 *   missed: visibility, not the order of ids, decides;
 * - rows older than a day are pruned, and a row of "claim_text_changes_pruned" then says "below"
 *   the highest pruned id + 1 (a TRUNCATE of "claims" says so for its own id): a copy whose
 *   snapshot's xmin is below any of them may have missed a pruned row and is read again. Also
 *   insert-only (the pruner then deletes the rows below the highest).
 * Hand-written: TypeORM knows neither triggers nor these tables (no entities, like
 * claim_facet_counts). Backups leave both tables' rows out (pg_dump --exclude-table-data):
 * transaction ids mean nothing in another cluster, and a restored database starts with no copies.
 */
export class ClaimTextChanges1796600000000 implements MigrationInterface {
  name = 'ClaimTextChanges1796600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "claim_text_changes" ("projectId" uuid NOT NULL, "claimId" uuid, "xid" xid8 NOT NULL DEFAULT pg_current_xact_id(), "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now())`,
    );
    await queryRunner.query(
      `CREATE INDEX "claim_text_changes_project" ON "claim_text_changes" ("projectId", "xid")`,
    );
    await queryRunner.query(`CREATE INDEX "claim_text_changes_at" ON "claim_text_changes" ("at")`);
    await queryRunner.query(`CREATE TABLE "claim_text_changes_pruned" ("below" xid8 NOT NULL)`);
    await queryRunner.query(`CREATE FUNCTION "claim_text_on_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (SELECT COUNT(*) FROM "inserted") > 256 THEN
    INSERT INTO "claim_text_changes" ("projectId", "claimId") SELECT DISTINCT "projectId", NULL::uuid FROM "inserted";
  ELSE
    INSERT INTO "claim_text_changes" ("projectId", "claimId") SELECT "projectId", "id" FROM "inserted";
  END IF;
  RETURN NULL;
END $$`);
    await queryRunner.query(`CREATE FUNCTION "claim_text_on_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "claim_text_changes" ("projectId", "claimId") VALUES (OLD."projectId", OLD."id");
  IF TG_OP = 'UPDATE' AND NEW."projectId" IS DISTINCT FROM OLD."projectId" THEN
    INSERT INTO "claim_text_changes" ("projectId", "claimId") VALUES (NEW."projectId", NEW."id");
  END IF;
  RETURN NULL;
END $$`);
    await queryRunner.query(`CREATE FUNCTION "claim_text_on_truncate"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "claim_text_changes_pruned" ("below") VALUES ((pg_current_xact_id()::text::bigint + 1)::text::xid8);
  RETURN NULL;
END $$`);
    await queryRunner.query(
      `CREATE TRIGGER "claim_text_insert" AFTER INSERT ON "claims" REFERENCING NEW TABLE AS "inserted" FOR EACH STATEMENT EXECUTE FUNCTION "claim_text_on_insert"()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "claim_text_update" AFTER UPDATE OF "normalisedText", "projectId" ON "claims" FOR EACH ROW
         WHEN (OLD."normalisedText" IS DISTINCT FROM NEW."normalisedText" OR OLD."projectId" IS DISTINCT FROM NEW."projectId")
         EXECUTE FUNCTION "claim_text_on_change"()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "claim_text_delete" AFTER DELETE ON "claims" FOR EACH ROW EXECUTE FUNCTION "claim_text_on_change"()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "claim_text_truncate" AFTER TRUNCATE ON "claims" FOR EACH STATEMENT EXECUTE FUNCTION "claim_text_on_truncate"()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER "claim_text_truncate" ON "claims"');
    await queryRunner.query('DROP TRIGGER "claim_text_delete" ON "claims"');
    await queryRunner.query('DROP TRIGGER "claim_text_update" ON "claims"');
    await queryRunner.query('DROP TRIGGER "claim_text_insert" ON "claims"');
    await queryRunner.query('DROP FUNCTION "claim_text_on_truncate"()');
    await queryRunner.query('DROP FUNCTION "claim_text_on_change"()');
    await queryRunner.query('DROP FUNCTION "claim_text_on_insert"()');
    await queryRunner.query('DROP TABLE "claim_text_changes_pruned"');
    await queryRunner.query('DROP TABLE "claim_text_changes"');
  }
}
