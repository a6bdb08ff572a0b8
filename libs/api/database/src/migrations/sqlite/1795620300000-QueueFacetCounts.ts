import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Queue facet counts kept by the database: "claim_facet_counts" holds signed deltas
 * (projectId, dim 'status' | 'priority' | 'topic', value, n), written by triggers on "claims" and
 * "claim_topics", so the total and the facets of the queue without filters (or with only a project)
 * are a SUM over a few hundred rows instead of a scan of every claim. ClaimsRepository folds the
 * deltas back into one row per key from time to time. Hand-written: TypeORM knows neither
 * triggers nor this table (it has no entity; nothing but these triggers and the repository touch
 * it).
 *
 * Topic values are LOWER(topic), as the facet query groups them. A claim's topics are counted off
 * in BEFORE DELETE on "claims", because the claim_topics rows its deletion cascades to no longer
 * find their claim (and so count nothing).
 *
 * NOTE for future migrations that rebuild "claims" or "claim_topics" (TypeORM's temporary_*
 * copy): recreate these triggers too, as for the full-text ones (see ClaimDuplicates).
 */
const TRIGGERS = [
  `CREATE TRIGGER "claim_facets_insert" AFTER INSERT ON "claims" BEGIN
     INSERT INTO "claim_facet_counts" ("projectId", "dim", "value", "n") VALUES
       (new."projectId", 'status', new."status", 1), (new."projectId", 'priority', new."priority", 1);
   END`,
  `CREATE TRIGGER "claim_facets_update" AFTER UPDATE OF "status", "priority", "projectId" ON "claims"
   WHEN old."status" IS NOT new."status" OR old."priority" IS NOT new."priority" OR old."projectId" IS NOT new."projectId" BEGIN
     INSERT INTO "claim_facet_counts" ("projectId", "dim", "value", "n") VALUES
       (old."projectId", 'status', old."status", -1), (old."projectId", 'priority', old."priority", -1),
       (new."projectId", 'status', new."status", 1), (new."projectId", 'priority', new."priority", 1);
     INSERT INTO "claim_facet_counts" ("projectId", "dim", "value", "n")
       SELECT old."projectId", 'topic', LOWER(t."topic"), -1 FROM "claim_topics" t
        WHERE t."claimId" = new."id" AND old."projectId" IS NOT new."projectId";
     INSERT INTO "claim_facet_counts" ("projectId", "dim", "value", "n")
       SELECT new."projectId", 'topic', LOWER(t."topic"), 1 FROM "claim_topics" t
        WHERE t."claimId" = new."id" AND old."projectId" IS NOT new."projectId";
   END`,
  `CREATE TRIGGER "claim_facets_delete" BEFORE DELETE ON "claims" BEGIN
     INSERT INTO "claim_facet_counts" ("projectId", "dim", "value", "n") VALUES
       (old."projectId", 'status', old."status", -1), (old."projectId", 'priority', old."priority", -1);
     INSERT INTO "claim_facet_counts" ("projectId", "dim", "value", "n")
       SELECT old."projectId", 'topic', LOWER(t."topic"), -1 FROM "claim_topics" t WHERE t."claimId" = old."id";
   END`,
  `CREATE TRIGGER "claim_topic_facets_insert" AFTER INSERT ON "claim_topics" BEGIN
     INSERT INTO "claim_facet_counts" ("projectId", "dim", "value", "n")
       SELECT c."projectId", 'topic', LOWER(new."topic"), 1 FROM "claims" c WHERE c."id" = new."claimId";
   END`,
  `CREATE TRIGGER "claim_topic_facets_update" AFTER UPDATE ON "claim_topics" BEGIN
     INSERT INTO "claim_facet_counts" ("projectId", "dim", "value", "n")
       SELECT c."projectId", 'topic', LOWER(old."topic"), -1 FROM "claims" c WHERE c."id" = old."claimId";
     INSERT INTO "claim_facet_counts" ("projectId", "dim", "value", "n")
       SELECT c."projectId", 'topic', LOWER(new."topic"), 1 FROM "claims" c WHERE c."id" = new."claimId";
   END`,
  `CREATE TRIGGER "claim_topic_facets_delete" AFTER DELETE ON "claim_topics" BEGIN
     INSERT INTO "claim_facet_counts" ("projectId", "dim", "value", "n")
       SELECT c."projectId", 'topic', LOWER(old."topic"), -1 FROM "claims" c WHERE c."id" = old."claimId";
   END`,
];

export class QueueFacetCounts1795620300000 implements MigrationInterface {
  name = 'QueueFacetCounts1795620300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "claim_facet_counts" ("projectId" varchar(36) NOT NULL, "dim" varchar(10) NOT NULL, "value" varchar(80) NOT NULL, "n" integer NOT NULL)`,
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
    for (const trigger of TRIGGERS) await queryRunner.query(trigger);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const name of [
      'claim_topic_facets_delete',
      'claim_topic_facets_update',
      'claim_topic_facets_insert',
      'claim_facets_delete',
      'claim_facets_update',
      'claim_facets_insert',
    ])
      await queryRunner.query(`DROP TRIGGER IF EXISTS "${name}"`);
    await queryRunner.query('DROP TABLE IF EXISTS "claim_facet_counts"');
  }
}
