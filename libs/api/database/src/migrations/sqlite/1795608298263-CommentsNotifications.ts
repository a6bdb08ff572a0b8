import { type MigrationInterface, type QueryRunner } from 'typeorm';

export class CommentsNotifications1795608298263 implements MigrationInterface {
  name = 'CommentsNotifications1795608298263';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "comments" ("id" varchar PRIMARY KEY NOT NULL, "claimId" varchar(36) NOT NULL, "parentId" varchar(36), "authorId" varchar(36) NOT NULL, "body" text NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "editedAt" datetime)',
    );
    await queryRunner.query(
      'CREATE INDEX "comments_claim_created" ON "comments" ("claimId", "createdAt") ',
    );
    await queryRunner.query(
      'CREATE TABLE "comment_mentions" ("commentId" varchar(36) NOT NULL, "userId" varchar(36) NOT NULL, PRIMARY KEY ("commentId", "userId"))',
    );
    await queryRunner.query(
      'CREATE INDEX "comment_mentions_user" ON "comment_mentions" ("userId") ',
    );
    await queryRunner.query(
      'CREATE TABLE "notifications" ("id" varchar PRIMARY KEY NOT NULL, "recipientId" varchar(36) NOT NULL, "kind" varchar(24) NOT NULL, "claimId" varchar(36), "actorId" varchar(36), "commentId" varchar(36), "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "readAt" datetime)',
    );
    await queryRunner.query(
      'CREATE INDEX "notifications_recipient_read" ON "notifications" ("recipientId", "readAt") ',
    );
    await queryRunner.query(
      'CREATE INDEX "notifications_recipient_created" ON "notifications" ("recipientId", "createdAt") ',
    );
    await queryRunner.query('DROP INDEX "comments_claim_created"');
    await queryRunner.query(
      'CREATE TABLE "temporary_comments" ("id" varchar PRIMARY KEY NOT NULL, "claimId" varchar(36) NOT NULL, "parentId" varchar(36), "authorId" varchar(36) NOT NULL, "body" text NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "editedAt" datetime, CONSTRAINT "FK_3074f46657695875653a4ff64a4" FOREIGN KEY ("claimId") REFERENCES "claims" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_8770bd9030a3d13c5f79a7d2e81" FOREIGN KEY ("parentId") REFERENCES "comments" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, CONSTRAINT "FK_4548cc4a409b8651ec75f70e280" FOREIGN KEY ("authorId") REFERENCES "users" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION)',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_comments"("id", "claimId", "parentId", "authorId", "body", "createdAt", "editedAt") SELECT "id", "claimId", "parentId", "authorId", "body", "createdAt", "editedAt" FROM "comments"',
    );
    await queryRunner.query('DROP TABLE "comments"');
    await queryRunner.query('ALTER TABLE "temporary_comments" RENAME TO "comments"');
    await queryRunner.query(
      'CREATE INDEX "comments_claim_created" ON "comments" ("claimId", "createdAt") ',
    );
    await queryRunner.query('DROP INDEX "comment_mentions_user"');
    await queryRunner.query(
      'CREATE TABLE "temporary_comment_mentions" ("commentId" varchar(36) NOT NULL, "userId" varchar(36) NOT NULL, CONSTRAINT "FK_dc73b25397fe92549b4c41dfe56" FOREIGN KEY ("commentId") REFERENCES "comments" ("id") ON DELETE CASCADE ON UPDATE NO ACTION, CONSTRAINT "FK_0294c9da809e60b4f2472d4c835" FOREIGN KEY ("userId") REFERENCES "users" ("id") ON DELETE RESTRICT ON UPDATE NO ACTION, PRIMARY KEY ("commentId", "userId"))',
    );
    await queryRunner.query(
      'INSERT INTO "temporary_comment_mentions"("commentId", "userId") SELECT "commentId", "userId" FROM "comment_mentions"',
    );
    await queryRunner.query('DROP TABLE "comment_mentions"');
    await queryRunner.query(
      'ALTER TABLE "temporary_comment_mentions" RENAME TO "comment_mentions"',
    );
    await queryRunner.query(
      'CREATE INDEX "comment_mentions_user" ON "comment_mentions" ("userId") ',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "comment_mentions_user"');
    await queryRunner.query(
      'ALTER TABLE "comment_mentions" RENAME TO "temporary_comment_mentions"',
    );
    await queryRunner.query(
      'CREATE TABLE "comment_mentions" ("commentId" varchar(36) NOT NULL, "userId" varchar(36) NOT NULL, PRIMARY KEY ("commentId", "userId"))',
    );
    await queryRunner.query(
      'INSERT INTO "comment_mentions"("commentId", "userId") SELECT "commentId", "userId" FROM "temporary_comment_mentions"',
    );
    await queryRunner.query('DROP TABLE "temporary_comment_mentions"');
    await queryRunner.query(
      'CREATE INDEX "comment_mentions_user" ON "comment_mentions" ("userId") ',
    );
    await queryRunner.query('DROP INDEX "comments_claim_created"');
    await queryRunner.query('ALTER TABLE "comments" RENAME TO "temporary_comments"');
    await queryRunner.query(
      'CREATE TABLE "comments" ("id" varchar PRIMARY KEY NOT NULL, "claimId" varchar(36) NOT NULL, "parentId" varchar(36), "authorId" varchar(36) NOT NULL, "body" text NOT NULL, "createdAt" datetime NOT NULL DEFAULT (datetime(\'now\')), "editedAt" datetime)',
    );
    await queryRunner.query(
      'INSERT INTO "comments"("id", "claimId", "parentId", "authorId", "body", "createdAt", "editedAt") SELECT "id", "claimId", "parentId", "authorId", "body", "createdAt", "editedAt" FROM "temporary_comments"',
    );
    await queryRunner.query('DROP TABLE "temporary_comments"');
    await queryRunner.query(
      'CREATE INDEX "comments_claim_created" ON "comments" ("claimId", "createdAt") ',
    );
    await queryRunner.query('DROP INDEX "notifications_recipient_created"');
    await queryRunner.query('DROP INDEX "notifications_recipient_read"');
    await queryRunner.query('DROP TABLE "notifications"');
    await queryRunner.query('DROP INDEX "comment_mentions_user"');
    await queryRunner.query('DROP TABLE "comment_mentions"');
    await queryRunner.query('DROP INDEX "comments_claim_created"');
    await queryRunner.query('DROP TABLE "comments"');
  }
}
