import { Column, Entity, Index, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { Role } from '@corroborate/api-core';
import { CreatedAtColumn, TimestampColumn, UpdatedAtColumn } from '@corroborate/api-database';

@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored lower-cased; unique. */
  @Index('users_email_unique', { unique: true })
  @Column('varchar', { length: 254 })
  email: string;

  @Column('varchar', { length: 120 })
  displayName: string;

  @Column('varchar', { length: 16 })
  role: Role;

  /** argon2id hash in PHC string format. */
  @Column('varchar', { length: 255 })
  passwordHash: string;

  @Column('boolean', { default: true })
  active: boolean;

  @TimestampColumn({ nullable: true })
  lastSignInAt: Date | null;

  /**
   * Sessions and tokens issued before this moment no longer work: set on password reset,
   * deactivation and "sign out everywhere".
   */
  @TimestampColumn({ nullable: true })
  sessionsValidAfter: Date | null;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
