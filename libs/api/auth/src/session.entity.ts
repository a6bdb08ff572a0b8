import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { CreatedAtColumn, IdColumn, TimestampColumn } from '@corroborate/api-database';
import { UserEntity } from '@corroborate/api-users';

export type SessionKind = 'SESSION' | 'API_TOKEN';

/** A browser session (cookie) or a named API token (bearer). Only a keyed hash of the secret is stored. */
@Entity('sessions')
export class SessionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('sessions_token_hash_unique', { unique: true })
  @Column('varchar', { length: 64 })
  tokenHash: string;

  @Column('varchar', { length: 12 })
  kind: SessionKind;

  /** A label for API tokens ("newsroom CMS sync"); null for browser sessions. */
  @Column('varchar', { length: 100, nullable: true })
  name: string | null;

  @Index('sessions_user')
  @IdColumn()
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'userId' })
  user: Relation<UserEntity>;

  @CreatedAtColumn()
  createdAt: Date;

  @TimestampColumn({ nullable: true })
  expiresAt: Date | null;

  @TimestampColumn({ nullable: true })
  lastUsedAt: Date | null;
}
