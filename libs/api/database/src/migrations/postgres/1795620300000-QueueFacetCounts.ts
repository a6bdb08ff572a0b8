import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Queue facet counts kept by the database: "claim_facet_counts" holds signed deltas
 * (projectId, dim 'status' | 'priority' | 'topic', value, n), written by triggers on "claims" and
 * "claim_topics", so the total and the facets of the queue without filters (or with only a project)
 * are a SUM over a few hundred rows instead of a scan of every claim. Writers only INSERT deltas,
 * so concurrent writes never wait for each other on a shared counter row (and cannot deadlock on
 * one); ClaimsRepository folds the deltas back into one row per key from time to time, in one
 * DELETE … RETURNING statement. Hand-written: TypeORM knows neither triggers nor this table (it
 * has no entity; nothing but these triggers and the repository touch it).
 *
 * Topic values are LOWER(topic), as the facet query groups them. A claim's topics are counted off
 * in BEFORE DELETE on "claims", because the claim_topics rows its deletion cascades to no longer
 * find their claim (and so count nothing).
 */
export class QueueFacetCounts1795620300000 implements MigrationInterface {
  name = 'QueueFacetCounts1795620300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "claim_facet_counts" ("projectId" uuid NOT NULL, "dim" character varying(10) NOT NULL, "value" character varying(80) NOT NULL, "n" integer NOT NULL)`,
    );
    await queryRunner.query(
      `CREATE INDEX "claim_facet_counts_key" ON "claim_facet_counts" ("projectId", "dim", "value")`,
    );
    await queryRunner.query(
      `INSERT INTO "claim_facet_counts" ("projectId", "dim", "value", "n")
         SELECT "projectId", 'status', "status", COUNT(*) FROM "claims" GROUP BY "projectId", "status"
         UNION ALL SELECT "projectId", 'priority', "priority", COUNT(*) FROM "claims" GROUP BY "projectId", "priority"
         UNION ALL SELECT c."projectId", 'topic', LOWER(t."topic"), COUNT(*) FROM "claim_topics" t
           JOIN "claims" c ON c."id" = t."claimId" GROUP BY c."projectId", LOWER(t."topic")`,
    );
    await queryRunner.query(`CREATE FUNCTION "claim_facets_on_claim"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO "claim_facet_counts" ("projectId", "dim", "value", "n") VALUES
      (OLD."projectId", 'status', OLD."status", -1), (OLD."projectId", 'priority', OLD."priority", -1);
    IF TG_OP = 'DELETE' OR OLD."projectId" IS DISTINCT FROM NEW."projectId" THEN
      INSERT INTO "claim_facet_counts" ("projectId", "dim", "value", "n")
        SELECT OLD."projectId", 'topic', LOWER(t."topic"), -1 FROM "claim_topics" t WHERE t."claimId" = OLD."id";
    END IF;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO "claim_facet_counts" ("projectId", "dim", "value", "n") VALUES
      (NEW."projectId", 'status', NEW."status", 1), (NEW."projectId", 'priority', NEW."priority", 1);
    IF TG_OP = 'UPDATE' AND OLD."projectId" IS DISTINCT FROM NEW."projectId" THEN
      INSERT INTO "claim_facet_counts" ("projectId", "dim", "value", "n")
        SELECT NEW."projectId", 'topic', LOWER(t."topic"), 1 FROM "claim_topics" t WHERE t."claimId" = NEW."id";
    END IF;
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END $$`);
    await queryRunner.query(`CREATE FUNCTION "claim_facets_on_topic"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO "claim_facet_counts" ("projectId", "dim", "value", "n")
      SELECT c."projectId", 'topic', LOWER(OLD."topic"), -1 FROM "claims" c WHERE c."id" = OLD."claimId";
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO "claim_facet_counts" ("projectId", "dim", "value", "n")
      SELECT c."projectId", 'topic', LOWER(NEW."topic"), 1 FROM "claims" c WHERE c."id" = NEW."claimId";
  END IF;
  RETURN NULL;
END $$`);
    await queryRunner.query(
      `CREATE TRIGGER "claim_facets_insert" AFTER INSERT ON "claims" FOR EACH ROW EXECUTE FUNCTION "claim_facets_on_claim"()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "claim_facets_update" AFTER UPDATE OF "status", "priority", "projectId" ON "claims" FOR EACH ROW
       WHEN (OLD."status" IS DISTINCT FROM NEW."status" OR OLD."priority" IS DISTINCT FROM NEW."priority" OR OLD."projectId" IS DISTINCT FROM NEW."projectId")
       EXECUTE FUNCTION "claim_facets_on_claim"()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "claim_facets_delete" BEFORE DELETE ON "claims" FOR EACH ROW EXECUTE FUNCTION "claim_facets_on_claim"()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "claim_topic_facets" AFTER INSERT OR UPDATE OR DELETE ON "claim_topics" FOR EACH ROW EXECUTE FUNCTION "claim_facets_on_topic"()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER IF EXISTS "claim_topic_facets" ON "claim_topics"');
    await queryRunner.query('DROP TRIGGER IF EXISTS "claim_facets_delete" ON "claims"');
    await queryRunner.query('DROP TRIGGER IF EXISTS "claim_facets_update" ON "claims"');
    await queryRunner.query('DROP TRIGGER IF EXISTS "claim_facets_insert" ON "claims"');
    await queryRunner.query('DROP FUNCTION IF EXISTS "claim_facets_on_topic"()');
    await queryRunner.query('DROP FUNCTION IF EXISTS "claim_facets_on_claim"()');
    await queryRunner.query('DROP TABLE IF EXISTS "claim_facet_counts"');
  }
}
