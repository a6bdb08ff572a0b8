import { Column, Entity, Index, PrimaryGeneratedColumn, VersionColumn } from 'typeorm';
import { type Reliability, type SourceKind } from '@corroborate/domain';
import { CreatedAtColumn, IdColumn, UpdatedAtColumn } from '@corroborate/api-database';

/** A registry entry for an origin of information, reused across claims, graded A–F. */
@Entity('sources')
export class SourceEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column('varchar', { length: 300 })
  name: string;

  /** Lower-cased, whitespace-collapsed name; unique so the registry has no twin entries. */
  @Index('sources_name_key_unique', { unique: true })
  @Column('varchar', { length: 300 })
  nameKey: string;

  @Column('varchar', { length: 20 })
  kind: SourceKind;

  @Column('varchar', { length: 2048, nullable: true })
  homepage: string | null;

  /** Admiralty source reliability A–F. */
  @Column('varchar', { length: 1 })
  reliability: Reliability;

  @Column('text', { nullable: true })
  reliabilityNote: string | null;

  @IdColumn({ nullable: true })
  createdById: string | null;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
