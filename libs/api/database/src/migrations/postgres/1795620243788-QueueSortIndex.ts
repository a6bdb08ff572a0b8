import { type MigrationInterface, type QueryRunner } from 'typeorm';

/** The default queue order (UPDATED_DESC, no project filter): "updatedAt" then "id". */
export class QueueSortIndex1795620243788 implements MigrationInterface {
  name = 'QueueSortIndex1795620243788';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE INDEX "claims_updated" ON "claims" ("updatedAt", "id") ');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."claims_updated"');
  }
}
