import { type MigrationInterface, type QueryRunner } from 'typeorm';

export class Releases1795609539742 implements MigrationInterface {
  name = 'Releases1795609539742';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "releases" ("id" varchar PRIMARY KEY NOT NULL, "name" varchar(120) NOT NULL, "nameKey" varchar(120) NOT NULL, "number" integer NOT NULL, "filters" text NOT NULL, "counts" text NOT NULL, "files" text NOT NULL, "previousId" varchar(36), "delta" text NOT NULL, "createdById" varchar(36), "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "releases_name_number_unique" ON "releases" ("nameKey", "number") ',
    );
    await queryRunner.query(
      'CREATE TABLE "release_claims" ("releaseId" varchar(36) NOT NULL, "claimId" varchar(36) NOT NULL, "verdict" varchar(20) NOT NULL, "adjudicationId" varchar(36) NOT NULL, PRIMARY KEY ("releaseId", "claimId"))',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "release_claims"');
    await queryRunner.query('DROP INDEX "releases_name_number_unique"');
    await queryRunner.query('DROP TABLE "releases"');
  }
}
