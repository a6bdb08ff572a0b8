import { type MigrationInterface, type QueryRunner } from 'typeorm';

export class CommentsNotifications1795608298263 implements MigrationInterface {
  name = 'CommentsNotifications1795608298263';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "comments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "claimId" uuid NOT NULL, "parentId" uuid, "authorId" uuid NOT NULL, "body" text NOT NULL, "createdAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "editedAt" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT "PK_8bf68bc960f2b69e818bdb90dcb" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "comments_claim_created" ON "comments"  ("claimId", "createdAt") ',
    );
    await queryRunner.query(
      'CREATE TABLE "comment_mentions" ("commentId" uuid NOT NULL, "userId" uuid NOT NULL, CONSTRAINT "PK_11054ceba1bed401adbb83b8fbb" PRIMARY KEY ("commentId", "userId"))',
    );
    await queryRunner.query(
      'CREATE INDEX "comment_mentions_user" ON "comment_mentions"  ("userId") ',
    );
    await queryRunner.query(
      'CREATE TABLE "notifications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "recipientId" uuid NOT NULL, "kind" character varying(24) NOT NULL, "claimId" uuid, "actorId" uuid, "commentId" uuid, "createdAt" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "readAt" TIMESTAMP(3) WITH TIME ZONE, CONSTRAINT "PK_6a72c3c0f683f6462415e653c3a" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "notifications_recipient_read" ON "notifications"  ("recipientId", "readAt") ',
    );
    await queryRunner.query(
      'CREATE INDEX "notifications_recipient_created" ON "notifications"  ("recipientId", "createdAt") ',
    );
    await queryRunner.query(
      'ALTER TABLE "comments" ADD CONSTRAINT "FK_3074f46657695875653a4ff64a4" FOREIGN KEY ("claimId") REFERENCES "claims"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "comments" ADD CONSTRAINT "FK_8770bd9030a3d13c5f79a7d2e81" FOREIGN KEY ("parentId") REFERENCES "comments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "comments" ADD CONSTRAINT "FK_4548cc4a409b8651ec75f70e280" FOREIGN KEY ("authorId") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "comment_mentions" ADD CONSTRAINT "FK_dc73b25397fe92549b4c41dfe56" FOREIGN KEY ("commentId") REFERENCES "comments"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "comment_mentions" ADD CONSTRAINT "FK_0294c9da809e60b4f2472d4c835" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "comment_mentions" DROP CONSTRAINT "FK_0294c9da809e60b4f2472d4c835"',
    );
    await queryRunner.query(
      'ALTER TABLE "comment_mentions" DROP CONSTRAINT "FK_dc73b25397fe92549b4c41dfe56"',
    );
    await queryRunner.query(
      'ALTER TABLE "comments" DROP CONSTRAINT "FK_4548cc4a409b8651ec75f70e280"',
    );
    await queryRunner.query(
      'ALTER TABLE "comments" DROP CONSTRAINT "FK_8770bd9030a3d13c5f79a7d2e81"',
    );
    await queryRunner.query(
      'ALTER TABLE "comments" DROP CONSTRAINT "FK_3074f46657695875653a4ff64a4"',
    );
    await queryRunner.query('DROP INDEX "public"."notifications_recipient_created"');
    await queryRunner.query('DROP INDEX "public"."notifications_recipient_read"');
    await queryRunner.query('DROP TABLE "notifications"');
    await queryRunner.query('DROP INDEX "public"."comment_mentions_user"');
    await queryRunner.query('DROP TABLE "comment_mentions"');
    await queryRunner.query('DROP INDEX "public"."comments_claim_created"');
    await queryRunner.query('DROP TABLE "comments"');
  }
}
