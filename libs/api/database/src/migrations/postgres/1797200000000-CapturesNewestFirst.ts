import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Soon after start the server checks that the newest captures' files are in its data folder (a
 * data folder restored from a backup older than the database lacks the newest first): the
 * newest rows by capture time, read in this index's order instead of sorting the whole table.
 */
export class CapturesNewestFirst1797200000000 implements MigrationInterface {
  name = 'CapturesNewestFirst1797200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE INDEX "captures_captured_at" ON "captures" ("capturedAt") ');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "public"."captures_captured_at"');
  }
}
