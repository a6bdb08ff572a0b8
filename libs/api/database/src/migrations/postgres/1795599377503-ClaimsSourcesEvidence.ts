import { type MigrationInterface, type QueryRunner } from 'typeorm';

export class ClaimsSourcesEvidence1795599377503 implements MigrationInterface {
  name = 'ClaimsSourcesEvidence1795599377503';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "claims" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "projectId" uuid NOT NULL, "text" text NOT NULL, "claimant" character varying(300), "firstAppearanceUrl" character varying(2048), "firstAppearedAt" TIMESTAMP(3) WITH TIME ZONE, "topics" text NOT NULL, "priority" character varying(10) NOT NULL, "priorityRank" integer NOT NULL, "dueAt" TIMESTAMP(3) WITH TIME ZONE, "status" character varying(20) NOT NULL, "rejectionReason" text, "duplicateOfId" uuid, "hasContradiction" boolean NOT NULL DEFAULT false, "createdById" uuid, "createdAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "PK_96c91970c0dcb2f69fdccd0a698" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "claims_due" ON "claims"  ("dueAt") ');
    await queryRunner.query(
      'CREATE INDEX "claims_project_priority" ON "claims"  ("projectId", "priorityRank", "updatedAt") ',
    );
    await queryRunner.query(
      'CREATE INDEX "claims_project_updated" ON "claims"  ("projectId", "updatedAt") ',
    );
    await queryRunner.query(
      'CREATE INDEX "claims_project_status" ON "claims"  ("projectId", "status") ',
    );
    await queryRunner.query(
      'CREATE TABLE "claim_topics" ("claimId" uuid NOT NULL, "topic" character varying(80) NOT NULL, CONSTRAINT "PK_0a0558615bf3291854ecb210b36" PRIMARY KEY ("claimId", "topic"))',
    );
    await queryRunner.query(
      'CREATE INDEX "claim_topics_topic" ON "claim_topics"  ("topic", "claimId") ',
    );
    await queryRunner.query(
      'CREATE TABLE "sources" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(300) NOT NULL, "nameKey" character varying(300) NOT NULL, "kind" character varying(20) NOT NULL, "homepage" character varying(2048), "reliability" character varying(1) NOT NULL, "reliabilityNote" text, "createdById" uuid, "createdAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "PK_85523beafe5a2a6b90b02096443" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "sources_name_key_unique" ON "sources"  ("nameKey") ',
    );
    await queryRunner.query(
      'CREATE TABLE "evidence" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "claimId" uuid NOT NULL, "sourceId" uuid NOT NULL, "url" character varying(2048) NOT NULL, "title" character varying(500), "excerpt" text, "publishedAt" TIMESTAMP(3) WITH TIME ZONE, "retrievedAt" TIMESTAMP(3) WITH TIME ZONE, "archiveUrl" character varying(2048), "stance" character varying(10) NOT NULL, "credibility" integer NOT NULL, "note" text, "derivedFromId" uuid, "quantityMin" double precision, "quantityMax" double precision, "quantityUnit" character varying(60), "quantityAsOf" TIMESTAMP(3) WITH TIME ZONE, "anchorPrefix" text, "anchorExact" text, "anchorSuffix" text, "retracted" boolean NOT NULL DEFAULT false, "retractionReason" text, "addedById" uuid, "createdAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "PK_b864cb5d49854f89917fc0b44b9" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "evidence_source" ON "evidence"  ("sourceId", "createdAt") ',
    );
    await queryRunner.query(
      'CREATE INDEX "evidence_claim" ON "evidence"  ("claimId", "createdAt") ',
    );
    await queryRunner.query(
      'CREATE TABLE "captures" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "evidenceId" uuid NOT NULL, "version" integer NOT NULL, "method" character varying(10) NOT NULL, "url" character varying(2048), "fileName" character varying(255), "mediaType" character varying(255) NOT NULL, "byteSize" integer NOT NULL, "sha256" character varying(64) NOT NULL, "storageKey" character varying(255) NOT NULL, "extractedText" text, "capturedById" uuid, "capturedAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_857700c9fac22f0181b1fee6fc3" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "captures_evidence_version_unique" ON "captures"  ("evidenceId", "version") ',
    );
    await queryRunner.query(
      'ALTER TABLE "claims" ADD CONSTRAINT "FK_0a0727bbfa4eabf921f19eb6268" FOREIGN KEY ("projectId") REFERENCES "projects"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "claim_topics" ADD CONSTRAINT "FK_c2c4cf0544945625263c1092fa7" FOREIGN KEY ("claimId") REFERENCES "claims"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "evidence" ADD CONSTRAINT "FK_afa0020995c9dc26c979795d048" FOREIGN KEY ("claimId") REFERENCES "claims"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "evidence" ADD CONSTRAINT "FK_f4fa3002bdd6f769aa894046234" FOREIGN KEY ("sourceId") REFERENCES "sources"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "captures" ADD CONSTRAINT "FK_fec8bf08867d35533afc043e9b9" FOREIGN KEY ("evidenceId") REFERENCES "evidence"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "captures" DROP CONSTRAINT "FK_fec8bf08867d35533afc043e9b9"',
    );
    await queryRunner.query(
      'ALTER TABLE "evidence" DROP CONSTRAINT "FK_f4fa3002bdd6f769aa894046234"',
    );
    await queryRunner.query(
      'ALTER TABLE "evidence" DROP CONSTRAINT "FK_afa0020995c9dc26c979795d048"',
    );
    await queryRunner.query(
      'ALTER TABLE "claim_topics" DROP CONSTRAINT "FK_c2c4cf0544945625263c1092fa7"',
    );
    await queryRunner.query(
      'ALTER TABLE "claims" DROP CONSTRAINT "FK_0a0727bbfa4eabf921f19eb6268"',
    );
    await queryRunner.query('DROP INDEX "public"."captures_evidence_version_unique"');
    await queryRunner.query('DROP TABLE "captures"');
    await queryRunner.query('DROP INDEX "public"."evidence_claim"');
    await queryRunner.query('DROP INDEX "public"."evidence_source"');
    await queryRunner.query('DROP TABLE "evidence"');
    await queryRunner.query('DROP INDEX "public"."sources_name_key_unique"');
    await queryRunner.query('DROP TABLE "sources"');
    await queryRunner.query('DROP INDEX "public"."claim_topics_topic"');
    await queryRunner.query('DROP TABLE "claim_topics"');
    await queryRunner.query('DROP INDEX "public"."claims_project_status"');
    await queryRunner.query('DROP INDEX "public"."claims_project_updated"');
    await queryRunner.query('DROP INDEX "public"."claims_project_priority"');
    await queryRunner.query('DROP INDEX "public"."claims_due"');
    await queryRunner.query('DROP TABLE "claims"');
  }
}
