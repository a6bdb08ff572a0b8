import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Facet-count deltas of inserted claims and topics per statement instead of per row: the INSERT
 * triggers of QueueFacetCounts1795620300000 ran a PL/pgSQL function and an INSERT for every
 * claim and every topic, which was most of the cost of a bulk import (one multi-row INSERT of
 * thousands of claims). Statement-level triggers with a transition table write one delta per
 * (project, dimension, value) that the statement touched, summed with COUNT(*), so the kept
 * counts stay equal to a recount (tests/api/queue.test.ts) for one row or many. UPDATE and DELETE
 * keep their row-level triggers (a column list and a WHEN condition are not possible with
 * transition tables, and those writes touch one claim at a time).
 */
export class FacetCountsPerStatement1795620500000 implements MigrationInterface {
  name = 'FacetCountsPerStatement1795620500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE FUNCTION "claim_facets_on_claims_inserted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "claim_facet_counts" ("projectId", "dim", "value", "n")
    SELECT "projectId", 'status', "status", COUNT(*) FROM "inserted" GROUP BY "projectId", "status"
    UNION ALL SELECT "projectId", 'priority', "priority", COUNT(*) FROM "inserted" GROUP BY "projectId", "priority";
  RETURN NULL;
END $$`);
    await queryRunner.query(`CREATE FUNCTION "claim_facets_on_topics_inserted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "claim_facet_counts" ("projectId", "dim", "value", "n")
    SELECT c."projectId", 'topic', LOWER(i."topic"), COUNT(*) FROM "inserted" i
      JOIN "claims" c ON c."id" = i."claimId" GROUP BY c."projectId", LOWER(i."topic");
  RETURN NULL;
END $$`);
    await queryRunner.query('DROP TRIGGER "claim_facets_insert" ON "claims"');
    await queryRunner.query(
      `CREATE TRIGGER "claim_facets_insert" AFTER INSERT ON "claims" REFERENCING NEW TABLE AS "inserted" FOR EACH STATEMENT EXECUTE FUNCTION "claim_facets_on_claims_inserted"()`,
    );
    await queryRunner.query('DROP TRIGGER "claim_topic_facets" ON "claim_topics"');
    await queryRunner.query(
      `CREATE TRIGGER "claim_topic_facets" AFTER UPDATE OR DELETE ON "claim_topics" FOR EACH ROW EXECUTE FUNCTION "claim_facets_on_topic"()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER "claim_topic_facets_insert" AFTER INSERT ON "claim_topics" REFERENCING NEW TABLE AS "inserted" FOR EACH STATEMENT EXECUTE FUNCTION "claim_facets_on_topics_inserted"()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER "claim_topic_facets_insert" ON "claim_topics"');
    await queryRunner.query('DROP TRIGGER "claim_topic_facets" ON "claim_topics"');
    await queryRunner.query(
      `CREATE TRIGGER "claim_topic_facets" AFTER INSERT OR UPDATE OR DELETE ON "claim_topics" FOR EACH ROW EXECUTE FUNCTION "claim_facets_on_topic"()`,
    );
    await queryRunner.query('DROP TRIGGER "claim_facets_insert" ON "claims"');
    await queryRunner.query(
      `CREATE TRIGGER "claim_facets_insert" AFTER INSERT ON "claims" FOR EACH ROW EXECUTE FUNCTION "claim_facets_on_claim"()`,
    );
    await queryRunner.query('DROP FUNCTION "claim_facets_on_topics_inserted"()');
    await queryRunner.query('DROP FUNCTION "claim_facets_on_claims_inserted"()');
  }
}
