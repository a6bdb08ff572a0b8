import { type MigrationInterface, type QueryRunner } from 'typeorm';

export class ClaimsSourcesEvidence1795599377503 implements MigrationInterface {
  name = 'ClaimsSourcesEvidence1795599377503';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "claims" ("id" varchar PRIMARY KEY NOT NULL, "projectId" varchar(36) NOT NULL, "text" text NOT NULL, "claimant" varchar(300), "firstAppearanceUrl" varchar(2048), "firstAppearedAt" datetime, "topics" text NOT NULL, "priority" varchar(10) NOT NULL, "priorityRank" integer NOT NULL, "dueAt" datetime, "status" varchar(20) NOT NULL, "rejectionReason" text, "duplicateOfId" varchar(36), "hasContradiction" boolean NOT NULL DEFAULT (0), "createdById" varchar(36), "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "updatedAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "version" integer NOT NULL)',
    );
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
    await queryRunner.query(
      'CREATE TABLE "claim_topics" ("claimId" varchar(36) NOT NULL, "topic" varchar(80) NOT NULL, PRIMARY KEY ("claimId", "topic"))',
    );
    await queryRunner.query(
      'CREATE INDEX "claim_topics_topic" ON "claim_topics" ("topic", "claimId") ',
    );
    await queryRunner.query(
      'CREATE TABLE "sources" ("id" varchar PRIMARY KEY NOT NULL, "name" varchar(300) NOT NULL, "nameKey" varchar(300) NOT NULL, "kind" varchar(20) NOT NULL, "homepage" varchar(2048), "reliability" varchar(1) NOT NULL, "reliabilityNote" text, "createdById" varchar(36), "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "updatedAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "version" integer NOT NULL)',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "sources_name_key_unique" ON "sources" ("nameKey") ',
    );
    await queryRunner.query(
      'CREATE TABLE "evidence" ("id" varchar PRIMARY KEY NOT NULL, "claimId" varchar(36) NOT NULL, "sourceId" varchar(36) NOT NULL, "url" varchar(2048) NOT NULL, "title" varchar(500), "excerpt" text, "publishedAt" datetime, "retrievedAt" datetime, "archiveUrl" varchar(2048), "stance" varchar(10) NOT NULL, "credibility" integer NOT NULL, "note" text, "derivedFromId" varchar(36), "quantityMin" double precision, "quantityMax" double precision, "quantityUnit" varchar(60), "quantityAsOf" datetime, "anchorPrefix" text, "anchorExact" text, "anchorSuffix" text, "retracted" boolean NOT NULL DEFAULT (0), "retractionReason" text, "addedById" varchar(36), "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "updatedAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "version" integer NOT NULL)',
    );
    await queryRunner.query(
      'CREATE INDEX "evidence_source" ON "evidence" ("sourceId", "createdAt") ',
    );
    await queryRunner.query(
      'CREATE INDEX "evidence_claim" ON "evidence" ("claimId", "createdAt") ',
    );
    await queryRunner.query(
      'CREATE TABLE "captures" ("id" varchar PRIMARY KEY NOT NULL, "evidenceId" varchar(36) NOT NULL, "version" integer NOT NULL, "method" varchar(10) NOT NULL, "url" varchar(2048), "fileName" varchar(255), "mediaType" varchar(255) NOT NULL, "byteSize" integer NOT NULL, "sha256" varchar(64) NOT NULL, "storageKey" varchar(255) NOT NULL, "extractedText" text, "capturedById" varchar(36), "capturedAt" datetime NOT NULL DEFAULT (datetime(\'now\')))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "captures_evidence_version_unique" ON "captures" ("evidenceId", "version") ',
    );
    await queryRunner.query('DROP INDEX "claims_due"');
    await queryRunner.query('DROP INDEX "claims_project_priority"');
    await queryRunner.query('DROP INDEX "claims_project_updated"');
    await queryRunner.query('DROP INDEX "claims_project_status"');
    await queryRunner.query(
      'CREATE TABLE "temporary_claims" ("id" varchar PRIMARY KEY NOT NULL, "projectId" varchar(36) NOT NULL, "text" text NOT NULL, "claimant" varchar(300), "firstAppearanceUrl" varchar(2048), "firstAppearedAt" datetime, "topics" text NOT NULL, "priority" varchar(10) NOT NULL, "priorityRank" integer NOT NULL, "dueAt" datetime, "status" varchar(20) NOT NULL, "rejectionReason" text, "duplicateOfId" varchar(36), "hasContradiction" boolean NOT NULL DEFAULT (0), "createdById" varchar(36), "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "updatedAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "version" integer NOT NULL, CONSTRAINT "FK_0a0727bbfa4eabf921f19eb6268" FOREIGN KEY ("projectId") REFERENCES "projects" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_claims"("id", "projectId", "text", "claimant", "firstAppearanceUrl", "firstAppearedAt", "topics", "priority", "priorityRank", "dueAt", "status", "rejectionReason", "duplicateOfId", "hasContradiction", "createdById", "createdAt", "updatedAt", "version") SELECT "id", "projectId", "text", "claimant", "firstAppearanceUrl", "firstAppearedAt", "topics", "priority", "priorityRank", "dueAt", "status", "rejectionReason", "duplicateOfId", "hasContradiction", "createdById", "createdAt", "updatedAt", "version" FROM "claims"',
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
    await queryRunner.query('DROP INDEX "claim_topics_topic"');
    await queryRunner.query(
      'CREATE TABLE "temporary_claim_topics" ("claimId" varchar(36) NOT NULL, "topic" varchar(80) NOT NULL, CONSTRAINT "FK_c2c4cf0544945625263c1092fa7" FOREIGN KEY ("claimId") REFERENCES "claims" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, PRIMARY KEY ("claimId", "topic"))',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_claim_topics"("claimId", "topic") SELECT "claimId", "topic" FROM "claim_topics"',
    );
    await queryRunner.query('DROP TABLE "claim_topics"');
    await queryRunner.query('ALTER TABLE "temporary_claim_topics" RENAME TO "claim_topics"');
    await queryRunner.query(
      'CREATE INDEX "claim_topics_topic" ON "claim_topics" ("topic", "claimId") ',
    );
    await queryRunner.query('DROP INDEX "evidence_source"');
    await queryRunner.query('DROP INDEX "evidence_claim"');
    await queryRunner.query(
      'CREATE TABLE "temporary_evidence" ("id" varchar PRIMARY KEY NOT NULL, "claimId" varchar(36) NOT NULL, "sourceId" varchar(36) NOT NULL, "url" varchar(2048) NOT NULL, "title" varchar(500), "excerpt" text, "publishedAt" datetime, "retrievedAt" datetime, "archiveUrl" varchar(2048), "stance" varchar(10) NOT NULL, "credibility" integer NOT NULL, "note" text, "derivedFromId" varchar(36), "quantityMin" double precision, "quantityMax" double precision, "quantityUnit" varchar(60), "quantityAsOf" datetime, "anchorPrefix" text, "anchorExact" text, "anchorSuffix" text, "retracted" boolean NOT NULL DEFAULT (0), "retractionReason" text, "addedById" varchar(36), "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "updatedAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "version" integer NOT NULL, CONSTRAINT "FK_afa0020995c9dc26c979795d048" FOREIGN KEY ("claimId") REFERENCES "claims" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_f4fa3002bdd6f769aa894046234" FOREIGN KEY ("sourceId") REFERENCES "sources" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_evidence"("id", "claimId", "sourceId", "url", "title", "excerpt", "publishedAt", "retrievedAt", "archiveUrl", "stance", "credibility", "note", "derivedFromId", "quantityMin", "quantityMax", "quantityUnit", "quantityAsOf", "anchorPrefix", "anchorExact", "anchorSuffix", "retracted", "retractionReason", "addedById", "createdAt", "updatedAt", "version") SELECT "id", "claimId", "sourceId", "url", "title", "excerpt", "publishedAt", "retrievedAt", "archiveUrl", "stance", "credibility", "note", "derivedFromId", "quantityMin", "quantityMax", "quantityUnit", "quantityAsOf", "anchorPrefix", "anchorExact", "anchorSuffix", "retracted", "retractionReason", "addedById", "createdAt", "updatedAt", "version" FROM "evidence"',
    );
    await queryRunner.query('DROP TABLE "evidence"');
    await queryRunner.query('ALTER TABLE "temporary_evidence" RENAME TO "evidence"');
    await queryRunner.query(
      'CREATE INDEX "evidence_source" ON "evidence" ("sourceId", "createdAt") ',
    );
    await queryRunner.query(
      'CREATE INDEX "evidence_claim" ON "evidence" ("claimId", "createdAt") ',
    );
    await queryRunner.query('DROP INDEX "captures_evidence_version_unique"');
    await queryRunner.query(
      'CREATE TABLE "temporary_captures" ("id" varchar PRIMARY KEY NOT NULL, "evidenceId" varchar(36) NOT NULL, "version" integer NOT NULL, "method" varchar(10) NOT NULL, "url" varchar(2048), "fileName" varchar(255), "mediaType" varchar(255) NOT NULL, "byteSize" integer NOT NULL, "sha256" varchar(64) NOT NULL, "storageKey" varchar(255) NOT NULL, "extractedText" text, "capturedById" varchar(36), "capturedAt" datetime NOT NULL DEFAULT (datetime(\'now\')), CONSTRAINT "FK_fec8bf08867d35533afc043e9b9" FOREIGN KEY ("evidenceId") REFERENCES "evidence" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_captures"("id", "evidenceId", "version", "method", "url", "fileName", "mediaType", "byteSize", "sha256", "storageKey", "extractedText", "capturedById", "capturedAt") SELECT "id", "evidenceId", "version", "method", "url", "fileName", "mediaType", "byteSize", "sha256", "storageKey", "extractedText", "capturedById", "capturedAt" FROM "captures"',
    );
    await queryRunner.query('DROP TABLE "captures"');
    await queryRunner.query('ALTER TABLE "temporary_captures" RENAME TO "captures"');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "captures_evidence_version_unique" ON "captures" ("evidenceId", "version") ',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "captures_evidence_version_unique"');
    await queryRunner.query('ALTER TABLE "captures" RENAME TO "temporary_captures"');
    await queryRunner.query(
      'CREATE TABLE "captures" ("id" varchar PRIMARY KEY NOT NULL, "evidenceId" varchar(36) NOT NULL, "version" integer NOT NULL, "method" varchar(10) NOT NULL, "url" varchar(2048), "fileName" varchar(255), "mediaType" varchar(255) NOT NULL, "byteSize" integer NOT NULL, "sha256" varchar(64) NOT NULL, "storageKey" varchar(255) NOT NULL, "extractedText" text, "capturedById" varchar(36), "capturedAt" datetime NOT NULL DEFAULT (datetime(\'now\')))',
    );
    await queryRunner.query(
      'INSERT INTO "captures"("id", "evidenceId", "version", "method", "url", "fileName", "mediaType", "byteSize", "sha256", "storageKey", "extractedText", "capturedById", "capturedAt") SELECT "id", "evidenceId", "version", "method", "url", "fileName", "mediaType", "byteSize", "sha256", "storageKey", "extractedText", "capturedById", "capturedAt" FROM "temporary_captures"',
    );
    await queryRunner.query('DROP TABLE "temporary_captures"');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "captures_evidence_version_unique" ON "captures" ("evidenceId", "version") ',
    );
    await queryRunner.query('DROP INDEX "evidence_claim"');
    await queryRunner.query('DROP INDEX "evidence_source"');
    await queryRunner.query('ALTER TABLE "evidence" RENAME TO "temporary_evidence"');
    await queryRunner.query(
      'CREATE TABLE "evidence" ("id" varchar PRIMARY KEY NOT NULL, "claimId" varchar(36) NOT NULL, "sourceId" varchar(36) NOT NULL, "url" varchar(2048) NOT NULL, "title" varchar(500), "excerpt" text, "publishedAt" datetime, "retrievedAt" datetime, "archiveUrl" varchar(2048), "stance" varchar(10) NOT NULL, "credibility" integer NOT NULL, "note" text, "derivedFromId" varchar(36), "quantityMin" double precision, "quantityMax" double precision, "quantityUnit" varchar(60), "quantityAsOf" datetime, "anchorPrefix" text, "anchorExact" text, "anchorSuffix" text, "retracted" boolean NOT NULL DEFAULT (0), "retractionReason" text, "addedById" varchar(36), "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "updatedAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "version" integer NOT NULL)',
    );
    await queryRunner.query(
      'INSERT INTO "evidence"("id", "claimId", "sourceId", "url", "title", "excerpt", "publishedAt", "retrievedAt", "archiveUrl", "stance", "credibility", "note", "derivedFromId", "quantityMin", "quantityMax", "quantityUnit", "quantityAsOf", "anchorPrefix", "anchorExact", "anchorSuffix", "retracted", "retractionReason", "addedById", "createdAt", "updatedAt", "version") SELECT "id", "claimId", "sourceId", "url", "title", "excerpt", "publishedAt", "retrievedAt", "archiveUrl", "stance", "credibility", "note", "derivedFromId", "quantityMin", "quantityMax", "quantityUnit", "quantityAsOf", "anchorPrefix", "anchorExact", "anchorSuffix", "retracted", "retractionReason", "addedById", "createdAt", "updatedAt", "version" FROM "temporary_evidence"',
    );
    await queryRunner.query('DROP TABLE "temporary_evidence"');
    await queryRunner.query(
      'CREATE INDEX "evidence_claim" ON "evidence" ("claimId", "createdAt") ',
    );
    await queryRunner.query(
      'CREATE INDEX "evidence_source" ON "evidence" ("sourceId", "createdAt") ',
    );
    await queryRunner.query('DROP INDEX "claim_topics_topic"');
    await queryRunner.query('ALTER TABLE "claim_topics" RENAME TO "temporary_claim_topics"');
    await queryRunner.query(
      'CREATE TABLE "claim_topics" ("claimId" varchar(36) NOT NULL, "topic" varchar(80) NOT NULL, PRIMARY KEY ("claimId", "topic"))',
    );
    await queryRunner.query(
      'INSERT INTO "claim_topics"("claimId", "topic") SELECT "claimId", "topic" FROM "temporary_claim_topics"',
    );
    await queryRunner.query('DROP TABLE "temporary_claim_topics"');
    await queryRunner.query(
      'CREATE INDEX "claim_topics_topic" ON "claim_topics" ("topic", "claimId") ',
    );
    await queryRunner.query('DROP INDEX "claims_project_status"');
    await queryRunner.query('DROP INDEX "claims_project_updated"');
    await queryRunner.query('DROP INDEX "claims_project_priority"');
    await queryRunner.query('DROP INDEX "claims_due"');
    await queryRunner.query('ALTER TABLE "claims" RENAME TO "temporary_claims"');
    await queryRunner.query(
      'CREATE TABLE "claims" ("id" varchar PRIMARY KEY NOT NULL, "projectId" varchar(36) NOT NULL, "text" text NOT NULL, "claimant" varchar(300), "firstAppearanceUrl" varchar(2048), "firstAppearedAt" datetime, "topics" text NOT NULL, "priority" varchar(10) NOT NULL, "priorityRank" integer NOT NULL, "dueAt" datetime, "status" varchar(20) NOT NULL, "rejectionReason" text, "duplicateOfId" varchar(36), "hasContradiction" boolean NOT NULL DEFAULT (0), "createdById" varchar(36), "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "updatedAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "version" integer NOT NULL)',
    );
    await queryRunner.query(
      'INSERT INTO "claims"("id", "projectId", "text", "claimant", "firstAppearanceUrl", "firstAppearedAt", "topics", "priority", "priorityRank", "dueAt", "status", "rejectionReason", "duplicateOfId", "hasContradiction", "createdById", "createdAt", "updatedAt", "version") SELECT "id", "projectId", "text", "claimant", "firstAppearanceUrl", "firstAppearedAt", "topics", "priority", "priorityRank", "dueAt", "status", "rejectionReason", "duplicateOfId", "hasContradiction", "createdById", "createdAt", "updatedAt", "version" FROM "temporary_claims"',
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
    await queryRunner.query('DROP INDEX "captures_evidence_version_unique"');
    await queryRunner.query('DROP TABLE "captures"');
    await queryRunner.query('DROP INDEX "evidence_claim"');
    await queryRunner.query('DROP INDEX "evidence_source"');
    await queryRunner.query('DROP TABLE "evidence"');
    await queryRunner.query('DROP INDEX "sources_name_key_unique"');
    await queryRunner.query('DROP TABLE "sources"');
    await queryRunner.query('DROP INDEX "claim_topics_topic"');
    await queryRunner.query('DROP TABLE "claim_topics"');
    await queryRunner.query('DROP INDEX "claims_project_status"');
    await queryRunner.query('DROP INDEX "claims_project_updated"');
    await queryRunner.query('DROP INDEX "claims_project_priority"');
    await queryRunner.query('DROP INDEX "claims_due"');
    await queryRunner.query('DROP TABLE "claims"');
  }
}
