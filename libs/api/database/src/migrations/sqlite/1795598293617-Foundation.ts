import { type MigrationInterface, type QueryRunner } from 'typeorm';

export class Foundation1795598293617 implements MigrationInterface {
  name = 'Foundation1795598293617';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "audit_events" ("id" integer PRIMARY KEY AUTOINCREMENT NOT NULL, "at" datetime NOT NULL DEFAULT (datetime(\'now\')), "actorId" varchar(36), "entityType" varchar(40) NOT NULL, "entityId" varchar(64) NOT NULL, "action" varchar(60) NOT NULL, "before" text, "after" text, "reason" text)',
    );
    await queryRunner.query(
      'CREATE INDEX "audit_events_entity" ON "audit_events" ("entityType", "entityId", "at") ',
    );
    await queryRunner.query(
      'CREATE TABLE "users" ("id" varchar PRIMARY KEY NOT NULL, "email" varchar(254) NOT NULL, "displayName" varchar(120) NOT NULL, "role" varchar(16) NOT NULL, "passwordHash" varchar(255) NOT NULL, "active" boolean NOT NULL DEFAULT (1), "lastSignInAt" datetime, "sessionsValidAfter" datetime, "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "updatedAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "version" integer NOT NULL)',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "users_email_unique" ON "users" ("email") ');
    await queryRunner.query(
      'CREATE TABLE "sessions" ("id" varchar PRIMARY KEY NOT NULL, "tokenHash" varchar(64) NOT NULL, "kind" varchar(12) NOT NULL, "name" varchar(100), "userId" varchar(36) NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "expiresAt" datetime, "lastUsedAt" datetime)',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "sessions_token_hash_unique" ON "sessions" ("tokenHash") ',
    );
    await queryRunner.query('CREATE INDEX "sessions_user" ON "sessions" ("userId") ');
    await queryRunner.query(
      'CREATE TABLE "projects" ("id" varchar PRIMARY KEY NOT NULL, "name" varchar(200) NOT NULL, "nameKey" varchar(200) NOT NULL, "description" text, "requiredReviews" integer NOT NULL DEFAULT (2), "createdById" varchar(36), "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "updatedAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "version" integer NOT NULL)',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "projects_name_key_unique" ON "projects" ("nameKey") ',
    );
    await queryRunner.query('DROP INDEX "sessions_token_hash_unique"');
    await queryRunner.query('DROP INDEX "sessions_user"');
    await queryRunner.query(
      'CREATE TABLE "temporary_sessions" ("id" varchar PRIMARY KEY NOT NULL, "tokenHash" varchar(64) NOT NULL, "kind" varchar(12) NOT NULL, "name" varchar(100), "userId" varchar(36) NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "expiresAt" datetime, "lastUsedAt" datetime, CONSTRAINT "FK_57de40bc620f456c7311aa3a1e6" FOREIGN KEY ("userId") REFERENCES "users" ("id") ON DELETE CASCADE ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_sessions"("id", "tokenHash", "kind", "name", "userId", "createdAt", "expiresAt", "lastUsedAt") SELECT "id", "tokenHash", "kind", "name", "userId", "createdAt", "expiresAt", "lastUsedAt" FROM "sessions"',
    );
    await queryRunner.query('DROP TABLE "sessions"');
    await queryRunner.query('ALTER TABLE "temporary_sessions" RENAME TO "sessions"');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "sessions_token_hash_unique" ON "sessions" ("tokenHash") ',
    );
    await queryRunner.query('CREATE INDEX "sessions_user" ON "sessions" ("userId") ');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "sessions_user"');
    await queryRunner.query('DROP INDEX "sessions_token_hash_unique"');
    await queryRunner.query('ALTER TABLE "sessions" RENAME TO "temporary_sessions"');
    await queryRunner.query(
      'CREATE TABLE "sessions" ("id" varchar PRIMARY KEY NOT NULL, "tokenHash" varchar(64) NOT NULL, "kind" varchar(12) NOT NULL, "name" varchar(100), "userId" varchar(36) NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "expiresAt" datetime, "lastUsedAt" datetime)',
    );
    await queryRunner.query(
      'INSERT INTO "sessions"("id", "tokenHash", "kind", "name", "userId", "createdAt", "expiresAt", "lastUsedAt") SELECT "id", "tokenHash", "kind", "name", "userId", "createdAt", "expiresAt", "lastUsedAt" FROM "temporary_sessions"',
    );
    await queryRunner.query('DROP TABLE "temporary_sessions"');
    await queryRunner.query('CREATE INDEX "sessions_user" ON "sessions" ("userId") ');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "sessions_token_hash_unique" ON "sessions" ("tokenHash") ',
    );
    await queryRunner.query('DROP INDEX "projects_name_key_unique"');
    await queryRunner.query('DROP TABLE "projects"');
    await queryRunner.query('DROP INDEX "sessions_user"');
    await queryRunner.query('DROP INDEX "sessions_token_hash_unique"');
    await queryRunner.query('DROP TABLE "sessions"');
    await queryRunner.query('DROP INDEX "users_email_unique"');
    await queryRunner.query('DROP TABLE "users"');
    await queryRunner.query('DROP INDEX "audit_events_entity"');
    await queryRunner.query('DROP TABLE "audit_events"');
  }
}
