import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
  VersionColumn,
} from 'typeorm';
import { type EvidenceStance } from '@corroborate/domain';
import {
  CreatedAtColumn,
  IdColumn,
  TimestampColumn,
  UpdatedAtColumn,
} from '@corroborate/api-database';
import { ClaimEntity } from '@corroborate/api-claims';
import { SourceEntity } from '@corroborate/api-sources';

/** One concrete item from a source, attached to one claim, with its stance and credibility. */
@Entity('evidence')
@Index('evidence_claim', ['claimId', 'createdAt'])
@Index('evidence_source', ['sourceId', 'createdAt'])
/** A source's retracted items (its evidence count), partial, made by the QueueFilterIndexes migration. */
@Index('evidence_source_retracted', { synchronize: false })
export class EvidenceEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @IdColumn()
  claimId: string;

  @ManyToOne(() => ClaimEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'claimId' })
  claim: Relation<ClaimEntity>;

  @IdColumn()
  sourceId: string;

  @ManyToOne(() => SourceEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'sourceId' })
  source: Relation<SourceEntity>;

  @Column('varchar', { length: 2048 })
  url: string;

  @Column('varchar', { length: 500, nullable: true })
  title: string | null;

  @Column('text', { nullable: true })
  excerpt: string | null;

  @TimestampColumn({ nullable: true })
  publishedAt: Date | null;

  @TimestampColumn({ nullable: true })
  retrievedAt: Date | null;

  @Column('varchar', { length: 2048, nullable: true })
  archiveUrl: string | null;

  @Column('varchar', { length: 10 })
  stance: EvidenceStance;

  /** Admiralty information credibility 1–6. */
  @Column('integer')
  credibility: number;

  @Column('text', { nullable: true })
  note: string | null;

  /** Another evidence item of the same claim this one re-reports. */
  @IdColumn({ nullable: true })
  derivedFromId: string | null;

  @Column('double precision', { nullable: true })
  quantityMin: number | null;

  /** Null with a minimum set means open-ended ("more than 30,000"). */
  @Column('double precision', { nullable: true })
  quantityMax: number | null;

  @Column('varchar', { length: 60, nullable: true })
  quantityUnit: string | null;

  @TimestampColumn({ nullable: true })
  quantityAsOf: Date | null;

  @Column('text', { nullable: true })
  anchorPrefix: string | null;

  @Column('text', { nullable: true })
  anchorExact: string | null;

  @Column('text', { nullable: true })
  anchorSuffix: string | null;

  @Column('boolean', { default: false })
  retracted: boolean;

  @Column('text', { nullable: true })
  retractionReason: string | null;

  @IdColumn({ nullable: true })
  addedById: string | null;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;

  @VersionColumn()
  version: number;
}
