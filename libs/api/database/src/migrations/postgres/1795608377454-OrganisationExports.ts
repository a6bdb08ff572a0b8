import { type MigrationInterface, type QueryRunner } from 'typeorm';

export class OrganisationExports1795608377454 implements MigrationInterface {
  name = 'OrganisationExports1795608377454';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "exports" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "format" character varying(10) NOT NULL, "fileName" character varying(100) NOT NULL, "filters" text NOT NULL, "counts" text NOT NULL, "byteSize" bigint NOT NULL, "sha256" character varying(64) NOT NULL, "createdById" uuid, "createdAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_bcf8528d214cbfc68c01f337511" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "exports_created" ON "exports"  ("createdAt") ');
    await queryRunner.query(
      'CREATE TABLE "organisation_settings" ("id" integer NOT NULL, "name" character varying(200) NOT NULL, "url" character varying(2048), "logoUrl" character varying(2048), "license" character varying(2048), "updatedById" uuid, "updatedAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "PK_8c8280758b0103dc11669918ead" PRIMARY KEY ("id"))',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "organisation_settings"');
    await queryRunner.query('DROP INDEX "public"."exports_created"');
    await queryRunner.query('DROP TABLE "exports"');
  }
}
