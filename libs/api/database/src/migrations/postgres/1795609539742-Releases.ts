import { type MigrationInterface, type QueryRunner } from 'typeorm';

export class Releases1795609539742 implements MigrationInterface {
  name = 'Releases1795609539742';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "releases" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(120) NOT NULL, "nameKey" character varying(120) NOT NULL, "number" integer NOT NULL, "filters" text NOT NULL, "counts" text NOT NULL, "files" text NOT NULL, "previousId" uuid, "delta" text NOT NULL, "createdById" uuid, "createdAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6b6fc2599a5a281dd44a7d64016" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "releases_name_number_unique" ON "releases"  ("nameKey", "number") ',
    );
    await queryRunner.query(
      'CREATE TABLE "release_claims" ("releaseId" uuid NOT NULL, "claimId" uuid NOT NULL, "verdict" character varying(20) NOT NULL, "adjudicationId" uuid NOT NULL, CONSTRAINT "PK_7f84c2c2f616953e252071675a0" PRIMARY KEY ("releaseId", "claimId"))',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "release_claims"');
    await queryRunner.query('DROP INDEX "public"."releases_name_number_unique"');
    await queryRunner.query('DROP TABLE "releases"');
  }
}
