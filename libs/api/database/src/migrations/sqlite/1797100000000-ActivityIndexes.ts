import { type MigrationInterface, type QueryRunner } from 'typeorm';

/**
 * The organisation's activity log (`Query.activity`) lists audit events newest first, filtered by
 * the person who acted or by action (every failed sign-in, say). Without these the database
 * walked the whole event sequence backwards for a rare action or a quiet person.
 */
export class ActivityIndexes1797100000000 implements MigrationInterface {
  name = 'ActivityIndexes1797100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE INDEX "audit_events_actor" ON "audit_events" ("actorId", "id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "audit_events_action" ON "audit_events" ("action", "id") ',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "audit_events_action"');
    await queryRunner.query('DROP INDEX "audit_events_actor"');
  }
}
