import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Hand-edited after generation: this migration rebuilds "claims" (new column hasDisagreement),
 * which drops the full-text triggers of ClaimSearch1795599378503 and may renumber rowids, so both
 * directions end by recreating the triggers and rebuilding the FTS5 index.
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

export class Reviews1795602215972 implements MigrationInterface {
  name = 'Reviews1795602215972';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "assignments" ("id" varchar PRIMARY KEY NOT NULL, "claimId" varchar(36) NOT NULL, "reviewerId" varchar(36) NOT NULL, "assignedById" varchar(36), "dueAt" datetime, "status" varchar(12) NOT NULL, "declineReason" text, "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "updatedAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "version" integer NOT NULL)',
    );
    await queryRunner.query(
      'CREATE INDEX "assignments_reviewer_status" ON "assignments" ("reviewerId", "status") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "assignments_claim_reviewer_unique" ON "assignments" ("claimId", "reviewerId") ',
    );
    await queryRunner.query(
      'CREATE TABLE "assessments" ("id" varchar PRIMARY KEY NOT NULL, "claimId" varchar(36) NOT NULL, "reviewerId" varchar(36) NOT NULL, "assignmentId" varchar(36) NOT NULL, "verdict" varchar(20), "likelihood" varchar(20), "confidence" varchar(10), "rationale" text, "status" varchar(12) NOT NULL, "supersedesId" varchar(36), "correctionReason" text, "submittedAt" datetime, "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "updatedAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "version" integer NOT NULL)',
    );
    await queryRunner.query(
      'CREATE INDEX "assessments_reviewer_status" ON "assessments" ("reviewerId", "status") ',
    );
    await queryRunner.query(
      'CREATE INDEX "assessments_claim_status" ON "assessments" ("claimId", "status") ',
    );
    await queryRunner.query(
      'CREATE TABLE "assessment_evidence" ("assessmentId" varchar(36) NOT NULL, "evidenceId" varchar(36) NOT NULL, PRIMARY KEY ("assessmentId", "evidenceId"))',
    );
    await queryRunner.query(
      'CREATE INDEX "assessment_evidence_evidence" ON "assessment_evidence" ("evidenceId") ',
    );
    await queryRunner.query(
      'CREATE TABLE "adjudications" ("id" varchar PRIMARY KEY NOT NULL, "claimId" varchar(36) NOT NULL, "verdict" varchar(20) NOT NULL, "likelihood" varchar(20) NOT NULL, "confidence" varchar(10) NOT NULL, "publicSummary" text NOT NULL, "citedAssessmentIds" text NOT NULL, "citedEvidenceIds" text NOT NULL, "adjudicatedById" varchar(36), "reopenedAt" datetime, "reopenReason" text, "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')))',
    );
    await queryRunner.query(
      'CREATE INDEX "adjudications_claim" ON "adjudications" ("claimId", "createdAt") ',
    );
    await queryRunner.query('DROP INDEX "claims_project_status"');
    await queryRunner.query('DROP INDEX "claims_project_updated"');
    await queryRunner.query('DROP INDEX "claims_project_priority"');
    await queryRunner.query('DROP INDEX "claims_due"');
    await queryRunner.query(
      'CREATE TABLE "temporary_claims" ("id" varchar PRIMARY KEY NOT NULL, "projectId" varchar(36) NOT NULL, "text" text NOT NULL, "claimant" varchar(300), "firstAppearanceUrl" varchar(2048), "firstAppearedAt" datetime, "topics" text NOT NULL, "priority" varchar(10) NOT NULL, "priorityRank" integer NOT NULL, "dueAt" datetime, "status" varchar(20) NOT NULL, "rejectionReason" text, "duplicateOfId" varchar(36), "hasContradiction" boolean NOT NULL DEFAULT (0), "createdById" varchar(36), "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "updatedAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "version" integer NOT NULL, "hasDisagreement" boolean NOT NULL DEFAULT (0), CONSTRAINT "FK_0a0727bbfa4eabf921f19eb6268" FOREIGN KEY ("projectId") REFERENCES "projects" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_claims"("id", "projectId", "text", "claimant", "firstAppearanceUrl", "firstAppearedAt", "topics", "priority", "priorityRank", "dueAt", "status", "rejectionReason", "duplicateOfId", "hasContradiction", "createdById", "createdAt", "updatedAt", "version") SELECT "id", "projectId", "text", "claimant", "firstAppearanceUrl", "firstAppearedAt", "topics", "priority", "priorityRank", "dueAt", "status", "rejectionReason", "duplicateOfId", "hasContradiction", "createdById", "createdAt", "updatedAt", "version" FROM "claims"',
    );
    await queryRunner.query('DROP TABLE "claims"');
    await queryRunner.query('ALTER TABLE "temporary_claims" RENAME TO "claims"');
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
    await queryRunner.query('DROP INDEX "assignments_reviewer_status"');
    await queryRunner.query('DROP INDEX "assignments_claim_reviewer_unique"');
    await queryRunner.query(
      'CREATE TABLE "temporary_assignments" ("id" varchar PRIMARY KEY NOT NULL, "claimId" varchar(36) NOT NULL, "reviewerId" varchar(36) NOT NULL, "assignedById" varchar(36), "dueAt" datetime, "status" varchar(12) NOT NULL, "declineReason" text, "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "updatedAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "version" integer NOT NULL, CONSTRAINT "FK_f6ad7c22c2fb1abd7f5b67335fe" FOREIGN KEY ("claimId") REFERENCES "claims" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_assignments"("id", "claimId", "reviewerId", "assignedById", "dueAt", "status", "declineReason", "createdAt", "updatedAt", "version") SELECT "id", "claimId", "reviewerId", "assignedById", "dueAt", "status", "declineReason", "createdAt", "updatedAt", "version" FROM "assignments"',
    );
    await queryRunner.query('DROP TABLE "assignments"');
    await queryRunner.query('ALTER TABLE "temporary_assignments" RENAME TO "assignments"');
    await queryRunner.query(
      'CREATE INDEX "assignments_reviewer_status" ON "assignments" ("reviewerId", "status") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "assignments_claim_reviewer_unique" ON "assignments" ("claimId", "reviewerId") ',
    );
    await queryRunner.query('DROP INDEX "assessments_reviewer_status"');
    await queryRunner.query('DROP INDEX "assessments_claim_status"');
    await queryRunner.query(
      'CREATE TABLE "temporary_assessments" ("id" varchar PRIMARY KEY NOT NULL, "claimId" varchar(36) NOT NULL, "reviewerId" varchar(36) NOT NULL, "assignmentId" varchar(36) NOT NULL, "verdict" varchar(20), "likelihood" varchar(20), "confidence" varchar(10), "rationale" text, "status" varchar(12) NOT NULL, "supersedesId" varchar(36), "correctionReason" text, "submittedAt" datetime, "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "updatedAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "version" integer NOT NULL, CONSTRAINT "FK_abf4efe94b77a4a2d22967eec4a" FOREIGN KEY ("claimId") REFERENCES "claims" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_99764c5fd9b35e2a947d694e849" FOREIGN KEY ("assignmentId") REFERENCES "assignments" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_assessments"("id", "claimId", "reviewerId", "assignmentId", "verdict", "likelihood", "confidence", "rationale", "status", "supersedesId", "correctionReason", "submittedAt", "createdAt", "updatedAt", "version") SELECT "id", "claimId", "reviewerId", "assignmentId", "verdict", "likelihood", "confidence", "rationale", "status", "supersedesId", "correctionReason", "submittedAt", "createdAt", "updatedAt", "version" FROM "assessments"',
    );
    await queryRunner.query('DROP TABLE "assessments"');
    await queryRunner.query('ALTER TABLE "temporary_assessments" RENAME TO "assessments"');
    await queryRunner.query(
      'CREATE INDEX "assessments_reviewer_status" ON "assessments" ("reviewerId", "status") ',
    );
    await queryRunner.query(
      'CREATE INDEX "assessments_claim_status" ON "assessments" ("claimId", "status") ',
    );
    await queryRunner.query('DROP INDEX "assessment_evidence_evidence"');
    await queryRunner.query(
      'CREATE TABLE "temporary_assessment_evidence" ("assessmentId" varchar(36) NOT NULL, "evidenceId" varchar(36) NOT NULL, CONSTRAINT "FK_548fea6cfbd1301d22a32817ae7" FOREIGN KEY ("assessmentId") REFERENCES "assessments" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_997936b1e4f85698c72baa4ba84" FOREIGN KEY ("evidenceId") REFERENCES "evidence" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, PRIMARY KEY ("assessmentId", "evidenceId"))',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_assessment_evidence"("assessmentId", "evidenceId") SELECT "assessmentId", "evidenceId" FROM "assessment_evidence"',
    );
    await queryRunner.query('DROP TABLE "assessment_evidence"');
    await queryRunner.query(
      'ALTER TABLE "temporary_assessment_evidence" RENAME TO "assessment_evidence"',
    );
    await queryRunner.query(
      'CREATE INDEX "assessment_evidence_evidence" ON "assessment_evidence" ("evidenceId") ',
    );
    await queryRunner.query('DROP INDEX "adjudications_claim"');
    await queryRunner.query(
      'CREATE TABLE "temporary_adjudications" ("id" varchar PRIMARY KEY NOT NULL, "claimId" varchar(36) NOT NULL, "verdict" varchar(20) NOT NULL, "likelihood" varchar(20) NOT NULL, "confidence" varchar(10) NOT NULL, "publicSummary" text NOT NULL, "citedAssessmentIds" text NOT NULL, "citedEvidenceIds" text NOT NULL, "adjudicatedById" varchar(36), "reopenedAt" datetime, "reopenReason" text, "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), CONSTRAINT "FK_8b0acabbc286e94ba66a307b1cb" FOREIGN KEY ("claimId") REFERENCES "claims" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_adjudications"("id", "claimId", "verdict", "likelihood", "confidence", "publicSummary", "citedAssessmentIds", "citedEvidenceIds", "adjudicatedById", "reopenedAt", "reopenReason", "createdAt") SELECT "id", "claimId", "verdict", "likelihood", "confidence", "publicSummary", "citedAssessmentIds", "citedEvidenceIds", "adjudicatedById", "reopenedAt", "reopenReason", "createdAt" FROM "adjudications"',
    );
    await queryRunner.query('DROP TABLE "adjudications"');
    await queryRunner.query('ALTER TABLE "temporary_adjudications" RENAME TO "adjudications"');
    await queryRunner.query(
      'CREATE INDEX "adjudications_claim" ON "adjudications" ("claimId", "createdAt") ',
    );
    await restoreClaimSearch(queryRunner);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "adjudications_claim"');
    await queryRunner.query('ALTER TABLE "adjudications" RENAME TO "temporary_adjudications"');
    await queryRunner.query(
      'CREATE TABLE "adjudications" ("id" varchar PRIMARY KEY NOT NULL, "claimId" varchar(36) NOT NULL, "verdict" varchar(20) NOT NULL, "likelihood" varchar(20) NOT NULL, "confidence" varchar(10) NOT NULL, "publicSummary" text NOT NULL, "citedAssessmentIds" text NOT NULL, "citedEvidenceIds" text NOT NULL, "adjudicatedById" varchar(36), "reopenedAt" datetime, "reopenReason" text, "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')))',
    );
    await queryRunner.query(
      'INSERT INTO "adjudications"("id", "claimId", "verdict", "likelihood", "confidence", "publicSummary", "citedAssessmentIds", "citedEvidenceIds", "adjudicatedById", "reopenedAt", "reopenReason", "createdAt") SELECT "id", "claimId", "verdict", "likelihood", "confidence", "publicSummary", "citedAssessmentIds", "citedEvidenceIds", "adjudicatedById", "reopenedAt", "reopenReason", "createdAt" FROM "temporary_adjudications"',
    );
    await queryRunner.query('DROP TABLE "temporary_adjudications"');
    await queryRunner.query(
      'CREATE INDEX "adjudications_claim" ON "adjudications" ("claimId", "createdAt") ',
    );
    await queryRunner.query('DROP INDEX "assessment_evidence_evidence"');
    await queryRunner.query(
      'ALTER TABLE "assessment_evidence" RENAME TO "temporary_assessment_evidence"',
    );
    await queryRunner.query(
      'CREATE TABLE "assessment_evidence" ("assessmentId" varchar(36) NOT NULL, "evidenceId" varchar(36) NOT NULL, PRIMARY KEY ("assessmentId", "evidenceId"))',
    );
    await queryRunner.query(
      'INSERT INTO "assessment_evidence"("assessmentId", "evidenceId") SELECT "assessmentId", "evidenceId" FROM "temporary_assessment_evidence"',
    );
    await queryRunner.query('DROP TABLE "temporary_assessment_evidence"');
    await queryRunner.query(
      'CREATE INDEX "assessment_evidence_evidence" ON "assessment_evidence" ("evidenceId") ',
    );
    await queryRunner.query('DROP INDEX "assessments_claim_status"');
    await queryRunner.query('DROP INDEX "assessments_reviewer_status"');
    await queryRunner.query('ALTER TABLE "assessments" RENAME TO "temporary_assessments"');
    await queryRunner.query(
      'CREATE TABLE "assessments" ("id" varchar PRIMARY KEY NOT NULL, "claimId" varchar(36) NOT NULL, "reviewerId" varchar(36) NOT NULL, "assignmentId" varchar(36) NOT NULL, "verdict" varchar(20), "likelihood" varchar(20), "confidence" varchar(10), "rationale" text, "status" varchar(12) NOT NULL, "supersedesId" varchar(36), "correctionReason" text, "submittedAt" datetime, "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "updatedAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "version" integer NOT NULL)',
    );
    await queryRunner.query(
      'INSERT INTO "assessments"("id", "claimId", "reviewerId", "assignmentId", "verdict", "likelihood", "confidence", "rationale", "status", "supersedesId", "correctionReason", "submittedAt", "createdAt", "updatedAt", "version") SELECT "id", "claimId", "reviewerId", "assignmentId", "verdict", "likelihood", "confidence", "rationale", "status", "supersedesId", "correctionReason", "submittedAt", "createdAt", "updatedAt", "version" FROM "temporary_assessments"',
    );
    await queryRunner.query('DROP TABLE "temporary_assessments"');
    await queryRunner.query(
      'CREATE INDEX "assessments_claim_status" ON "assessments" ("claimId", "status") ',
    );
    await queryRunner.query(
      'CREATE INDEX "assessments_reviewer_status" ON "assessments" ("reviewerId", "status") ',
    );
    await queryRunner.query('DROP INDEX "assignments_claim_reviewer_unique"');
    await queryRunner.query('DROP INDEX "assignments_reviewer_status"');
    await queryRunner.query('ALTER TABLE "assignments" RENAME TO "temporary_assignments"');
    await queryRunner.query(
      'CREATE TABLE "assignments" ("id" varchar PRIMARY KEY NOT NULL, "claimId" varchar(36) NOT NULL, "reviewerId" varchar(36) NOT NULL, "assignedById" varchar(36), "dueAt" datetime, "status" varchar(12) NOT NULL, "declineReason" text, "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "updatedAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "version" integer NOT NULL)',
    );
    await queryRunner.query(
      'INSERT INTO "assignments"("id", "claimId", "reviewerId", "assignedById", "dueAt", "status", "declineReason", "createdAt", "updatedAt", "version") SELECT "id", "claimId", "reviewerId", "assignedById", "dueAt", "status", "declineReason", "createdAt", "updatedAt", "version" FROM "temporary_assignments"',
    );
    await queryRunner.query('DROP TABLE "temporary_assignments"');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "assignments_claim_reviewer_unique" ON "assignments" ("claimId", "reviewerId") ',
    );
    await queryRunner.query(
      'CREATE INDEX "assignments_reviewer_status" ON "assignments" ("reviewerId", "status") ',
    );
    await queryRunner.query('DROP INDEX "claims_due"');
    await queryRunner.query('DROP INDEX "claims_project_priority"');
    await queryRunner.query('DROP INDEX "claims_project_updated"');
    await queryRunner.query('DROP INDEX "claims_project_status"');
    await queryRunner.query('ALTER TABLE "claims" RENAME TO "temporary_claims"');
    await queryRunner.query(
      'CREATE TABLE "claims" ("id" varchar PRIMARY KEY NOT NULL, "projectId" varchar(36) NOT NULL, "text" text NOT NULL, "claimant" varchar(300), "firstAppearanceUrl" varchar(2048), "firstAppearedAt" datetime, "topics" text NOT NULL, "priority" varchar(10) NOT NULL, "priorityRank" integer NOT NULL, "dueAt" datetime, "status" varchar(20) NOT NULL, "rejectionReason" text, "duplicateOfId" varchar(36), "hasContradiction" boolean NOT NULL DEFAULT (0), "createdById" varchar(36), "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "updatedAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "version" integer NOT NULL, CONSTRAINT "FK_0a0727bbfa4eabf921f19eb6268" FOREIGN KEY ("projectId") REFERENCES "projects" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "claims"("id", "projectId", "text", "claimant", "firstAppearanceUrl", "firstAppearedAt", "topics", "priority", "priorityRank", "dueAt", "status", "rejectionReason", "duplicateOfId", "hasContradiction", "createdById", "createdAt", "updatedAt", "version") SELECT "id", "projectId", "text", "claimant", "firstAppearanceUrl", "firstAppearedAt", "topics", "priority", "priorityRank", "dueAt", "status", "rejectionReason", "duplicateOfId", "hasContradiction", "createdById", "createdAt", "updatedAt", "version" FROM "temporary_claims"',
    );
    await queryRunner.query('DROP TABLE "temporary_claims"');
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
    await queryRunner.query('DROP INDEX "adjudications_claim"');
    await queryRunner.query('DROP TABLE "adjudications"');
    await queryRunner.query('DROP INDEX "assessment_evidence_evidence"');
    await queryRunner.query('DROP TABLE "assessment_evidence"');
    await queryRunner.query('DROP INDEX "assessments_claim_status"');
    await queryRunner.query('DROP INDEX "assessments_reviewer_status"');
    await queryRunner.query('DROP TABLE "assessments"');
    await queryRunner.query('DROP INDEX "assignments_claim_reviewer_unique"');
    await queryRunner.query('DROP INDEX "assignments_reviewer_status"');
    await queryRunner.query('DROP TABLE "assignments"');
    await restoreClaimSearch(queryRunner);
  }
}
