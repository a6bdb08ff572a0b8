import { type MigrationInterface, type QueryRunner } from 'typeorm';

export class Reviews1795602215972 implements MigrationInterface {
  name = 'Reviews1795602215972';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "assignments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "claimId" uuid NOT NULL, "reviewerId" uuid NOT NULL, "assignedById" uuid, "dueAt" TIMESTAMP(3) WITH TIME ZONE, "status" character varying(12) NOT NULL, "declineReason" text, "createdAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "PK_c54ca359535e0012b04dcbd80ee" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "assignments_reviewer_status" ON "assignments"  ("reviewerId", "status") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "assignments_claim_reviewer_unique" ON "assignments"  ("claimId", "reviewerId") ',
    );
    await queryRunner.query(
      'CREATE TABLE "assessments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "claimId" uuid NOT NULL, "reviewerId" uuid NOT NULL, "assignmentId" uuid NOT NULL, "verdict" character varying(20), "likelihood" character varying(20), "confidence" character varying(10), "rationale" text, "status" character varying(12) NOT NULL, "supersedesId" uuid, "correctionReason" text, "submittedAt" TIMESTAMP(3) WITH TIME ZONE, "createdAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "PK_a3442bd80a00e9111cefca57f6c" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "assessments_reviewer_status" ON "assessments"  ("reviewerId", "status") ',
    );
    await queryRunner.query(
      'CREATE INDEX "assessments_claim_status" ON "assessments"  ("claimId", "status") ',
    );
    await queryRunner.query(
      'CREATE TABLE "assessment_evidence" ("assessmentId" uuid NOT NULL, "evidenceId" uuid NOT NULL, CONSTRAINT "PK_921cc79d431d411e9a9a5a0e10b" PRIMARY KEY ("assessmentId", "evidenceId"))',
    );
    await queryRunner.query(
      'CREATE INDEX "assessment_evidence_evidence" ON "assessment_evidence"  ("evidenceId") ',
    );
    await queryRunner.query(
      'CREATE TABLE "adjudications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "claimId" uuid NOT NULL, "verdict" character varying(20) NOT NULL, "likelihood" character varying(20) NOT NULL, "confidence" character varying(10) NOT NULL, "publicSummary" text NOT NULL, "citedAssessmentIds" text NOT NULL, "citedEvidenceIds" text NOT NULL, "adjudicatedById" uuid, "reopenedAt" TIMESTAMP(3) WITH TIME ZONE, "reopenReason" text, "createdAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_163ba6e608d902d9072e6c5c880" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "adjudications_claim" ON "adjudications"  ("claimId", "createdAt") ',
    );
    await queryRunner.query(
      'ALTER TABLE "claims" ADD "hasDisagreement" boolean NOT NULL DEFAULT false',
    );
    await queryRunner.query(
      'ALTER TABLE "assignments" ADD CONSTRAINT "FK_f6ad7c22c2fb1abd7f5b67335fe" FOREIGN KEY ("claimId") REFERENCES "claims"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "assessments" ADD CONSTRAINT "FK_abf4efe94b77a4a2d22967eec4a" FOREIGN KEY ("claimId") REFERENCES "claims"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "assessments" ADD CONSTRAINT "FK_99764c5fd9b35e2a947d694e849" FOREIGN KEY ("assignmentId") REFERENCES "assignments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "assessment_evidence" ADD CONSTRAINT "FK_548fea6cfbd1301d22a32817ae7" FOREIGN KEY ("assessmentId") REFERENCES "assessments"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "assessment_evidence" ADD CONSTRAINT "FK_997936b1e4f85698c72baa4ba84" FOREIGN KEY ("evidenceId") REFERENCES "evidence"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "adjudications" ADD CONSTRAINT "FK_8b0acabbc286e94ba66a307b1cb" FOREIGN KEY ("claimId") REFERENCES "claims"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "adjudications" DROP CONSTRAINT "FK_8b0acabbc286e94ba66a307b1cb"',
    );
    await queryRunner.query(
      'ALTER TABLE "assessment_evidence" DROP CONSTRAINT "FK_997936b1e4f85698c72baa4ba84"',
    );
    await queryRunner.query(
      'ALTER TABLE "assessment_evidence" DROP CONSTRAINT "FK_548fea6cfbd1301d22a32817ae7"',
    );
    await queryRunner.query(
      'ALTER TABLE "assessments" DROP CONSTRAINT "FK_99764c5fd9b35e2a947d694e849"',
    );
    await queryRunner.query(
      'ALTER TABLE "assessments" DROP CONSTRAINT "FK_abf4efe94b77a4a2d22967eec4a"',
    );
    await queryRunner.query(
      'ALTER TABLE "assignments" DROP CONSTRAINT "FK_f6ad7c22c2fb1abd7f5b67335fe"',
    );
    await queryRunner.query('ALTER TABLE "claims" DROP COLUMN "hasDisagreement"');
    await queryRunner.query('DROP INDEX "public"."adjudications_claim"');
    await queryRunner.query('DROP TABLE "adjudications"');
    await queryRunner.query('DROP INDEX "public"."assessment_evidence_evidence"');
    await queryRunner.query('DROP TABLE "assessment_evidence"');
    await queryRunner.query('DROP INDEX "public"."assessments_claim_status"');
    await queryRunner.query('DROP INDEX "public"."assessments_reviewer_status"');
    await queryRunner.query('DROP TABLE "assessments"');
    await queryRunner.query('DROP INDEX "public"."assignments_claim_reviewer_unique"');
    await queryRunner.query('DROP INDEX "public"."assignments_reviewer_status"');
    await queryRunner.query('DROP TABLE "assignments"');
  }
}
