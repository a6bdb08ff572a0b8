import { type MigrationInterface, type QueryRunner } from 'typeorm';

export class Foundation1795598293617 implements MigrationInterface {
  name = 'Foundation1795598293617';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "audit_events" ("id" SERIAL NOT NULL, "at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "actorId" uuid, "entityType" character varying(40) NOT NULL, "entityId" character varying(64) NOT NULL, "action" character varying(60) NOT NULL, "before" text, "after" text, "reason" text, CONSTRAINT "PK_910f64d901a5c3e9878f0d4a407" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "audit_events_entity" ON "audit_events"  ("entityType", "entityId", "at") ',
    );
    await queryRunner.query(
      'CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" character varying(254) NOT NULL, "displayName" character varying(120) NOT NULL, "role" character varying(16) NOT NULL, "passwordHash" character varying(255) NOT NULL, "active" boolean NOT NULL DEFAULT true, "lastSignInAt" TIMESTAMP(3) WITH TIME ZONE, "sessionsValidAfter" TIMESTAMP(3) WITH TIME ZONE, "createdAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE UNIQUE INDEX "users_email_unique" ON "users"  ("email") ');
    await queryRunner.query(
      'CREATE TABLE "sessions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tokenHash" character varying(64) NOT NULL, "kind" character varying(12) NOT NULL, "name" character varying(100), "userId" uuid NOT NULL, "createdAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "expiresAt" TIMESTAMP(3) WITH TIME ZONE, "lastUsedAt" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT "PK_3238ef96f18b355b671619111bc" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "sessions_token_hash_unique" ON "sessions"  ("tokenHash") ',
    );
    await queryRunner.query('CREATE INDEX "sessions_user" ON "sessions"  ("userId") ');
    await queryRunner.query(
      'CREATE TABLE "projects" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" character varying(200) NOT NULL, "nameKey" character varying(200) NOT NULL, "description" text, "requiredReviews" integer NOT NULL DEFAULT \'2\', "createdById" uuid, "createdAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updatedAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "PK_6271df0a7aed1d6c0691ce6ac50" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "projects_name_key_unique" ON "projects"  ("nameKey") ',
    );
    await queryRunner.query(
      'ALTER TABLE "sessions" ADD CONSTRAINT "FK_57de40bc620f456c7311aa3a1e6" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "sessions" DROP CONSTRAINT "FK_57de40bc620f456c7311aa3a1e6"',
    );
    await queryRunner.query('DROP INDEX "public"."projects_name_key_unique"');
    await queryRunner.query('DROP TABLE "projects"');
    await queryRunner.query('DROP INDEX "public"."sessions_user"');
    await queryRunner.query('DROP INDEX "public"."sessions_token_hash_unique"');
    await queryRunner.query('DROP TABLE "sessions"');
    await queryRunner.query('DROP INDEX "public"."users_email_unique"');
    await queryRunner.query('DROP TABLE "users"');
    await queryRunner.query('DROP INDEX "public"."audit_events_entity"');
    await queryRunner.query('DROP TABLE "audit_events"');
  }
}
