import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { ClaimEntity } from '@corroborate/api-claims';
import { CreatedAtColumn, IdColumn, TimestampColumn } from '@corroborate/api-database';
import { UserEntity } from '@corroborate/api-users';

/**
 * One comment on a claim; `parentId` makes threads (a reply to a comment of the same claim).
 * Comments are never deleted; an edit (by the author, within the edit window) is audited with the
 * text before and after.
 */
@Entity('comments')
@Index('comments_claim_created', ['claimId', 'createdAt'])
@Index('comments_author', ['authorId'])
@Index('comments_parent', ['parentId'])
export class CommentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @IdColumn()
  claimId: string;

  @ManyToOne(() => ClaimEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'claimId' })
  claim: Relation<ClaimEntity>;

  @IdColumn({ nullable: true })
  parentId: string | null;

  @ManyToOne(() => CommentEntity, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'parentId' })
  parent: Relation<CommentEntity> | null;

  @IdColumn()
  authorId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'authorId' })
  author: Relation<UserEntity>;

  @Column('text')
  body: string;

  @CreatedAtColumn()
  createdAt: Date;

  @TimestampColumn({ nullable: true })
  editedAt: Date | null;
}

/** Users a comment mentions, as of its latest text. */
@Entity('comment_mentions')
@Index('comment_mentions_user', ['userId'])
export class CommentMentionEntity {
  @IdColumn({ primary: true })
  commentId: string;

  @IdColumn({ primary: true })
  userId: string;

  @ManyToOne(() => CommentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'commentId' })
  comment: Relation<CommentEntity>;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'userId' })
  user: Relation<UserEntity>;
}
