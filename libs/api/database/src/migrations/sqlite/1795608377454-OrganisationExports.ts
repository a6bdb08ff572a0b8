import { type MigrationInterface, type QueryRunner } from 'typeorm';

export class OrganisationExports1795608377454 implements MigrationInterface {
  name = 'OrganisationExports1795608377454';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "exports" ("id" varchar PRIMARY KEY NOT NULL, "format" varchar(10) NOT NULL, "fileName" varchar(100) NOT NULL, "filters" text NOT NULL, "counts" text NOT NULL, "byteSize" bigint NOT NULL, "sha256" varchar(64) NOT NULL, "createdById" varchar(36), "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')))',
    );
    await queryRunner.query('CREATE INDEX "exports_created" ON "exports" ("createdAt") ');
    await queryRunner.query(
      'CREATE TABLE "organisation_settings" ("id" integer PRIMARY KEY NOT NULL, "name" varchar(200) NOT NULL, "url" varchar(2048), "logoUrl" varchar(2048), "license" varchar(2048), "updatedById" varchar(36), "updatedAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "version" integer NOT NULL)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "organisation_settings"');
    await queryRunner.query('DROP INDEX "exports_created"');
    await queryRunner.query('DROP TABLE "exports"');
  }
}
