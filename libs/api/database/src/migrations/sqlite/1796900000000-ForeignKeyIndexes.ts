import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * Found by `npm run bench:writes` at 1M claims: reassigning a reviewer deletes the assignment,
 * and with no index on "assessments"."assignmentId" the database read every assessment to check
 * the foreign key (130 ms a time on SQLite at 1M claims, growing with the table). The other two
 * foreign keys without an index (a comment's author and parent) are indexed too, and
 * tests/api/migrations.test.ts now fails for any foreign key whose column leads no index.
 */
export class ForeignKeyIndexes1796900000000 implements MigrationInterface {
  name = 'ForeignKeyIndexes1796900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE INDEX "assessments_assignment" ON "assessments" ("assignmentId") ',
    );
    await queryRunner.query('CREATE INDEX "comments_author" ON "comments" ("authorId") ');
    await queryRunner.query('CREATE INDEX "comments_parent" ON "comments" ("parentId") ');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "comments_parent"');
    await queryRunner.query('DROP INDEX "comments_author"');
    await queryRunner.query('DROP INDEX "assessments_assignment"');
  }
}
