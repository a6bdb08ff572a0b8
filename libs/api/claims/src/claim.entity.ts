import {
  BeforeInsert,
  BeforeUpdate,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
  VersionColumn,
} from 'typeorm';
import { type ClaimStatus, normaliseClaimText, type Priority } from '@corroborate/domain';
import {
  CreatedAtColumn,
  IdColumn,
  TimestampColumn,
  UpdatedAtColumn,
} from '@corroborate/api-database';
import { ProjectEntity } from '@corroborate/api-projects';

/** A statement as made, by whom, where it first appeared, and where it is in the workflow. */
@Entity('claims')
/** Claims by due date; with "status" for the dashboard's overdue count (DashboardIndexes). */
@Index('claims_due', ['dueAt', 'status'])
/**
 * The default queue order (UPDATED_DESC) without a project filter, made by the QueueSortIndex
 * migration: PostgreSQL ("updatedAt", "id"); SQLite an index on the normalised expression the
 * queue sorts by (see ClaimsRepository.ts), which a plain column index would not serve.
 */
@Index('claims_updated', { synchronize: false })
/**
 * A project's queue in the default order, made by the QueueFilterIndexes migration: ("projectId",
 * "updatedAt", "id"), on SQLite with the normalised updatedAt expression.
 */
@Index('claims_project_updated', { synchronize: false })
/** A project's queue by priority: ("projectId", "priorityRank", "updatedAt", "id"), as above. */
@Index('claims_project_priority', { synchronize: false })
/** Claims merged into a claim (its history), made by the QueueFilterIndexes migration: partial. */
@Index('claims_duplicate_of', { synchronize: false })
/** Claims in disagreement ("projectId", "status", "priority"), partial, by QueueFilterIndexes. */
@Index('claims_disagreement', { synchronize: false })
/**
 * VERIFIED claims in creation order (exports), made by the ExportOrderIndex migration:
 * ("status", "createdAt", "id"), on SQLite with the normalised createdAt expression; widened by
 * the DashboardIndexes migration with "dueAt" (and on SQLite the plain "createdAt") for the
 * dashboard's counts over the whole organisation.
 */
@Index('claims_status_created', { synchronize: false })
/**
 * A project's claims by status (queue facets, the dashboard), made by the DashboardIndexes
 * migration: ("projectId", "status", "createdAt", "id", "dueAt"), on SQLite with the normalised
 * createdAt expression before the plain one.
 */
@Index('claims_project_status', { synchronize: false })
/** Full-text index made by the hand-written ClaimSearch migration (PostgreSQL GIN; SQLite FTS5 table). */
@Index('claims_search', { synchronize: false })
/**
 * The likely-duplicate lookup's index, made by the ClaimDuplicatesIndex migration: PostgreSQL GiST
 * ("projectId", "normalisedText" gist_trgm_ops); SQLite a covering ("projectId", "normalisedText").
 */
@Index('claims_duplicates', { synchronize: false })
export class ClaimEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @IdColumn()
  projectId: string;

  @ManyToOne(() => ProjectEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'projectId' })
  project: Relation<ProjectEntity>;

  @Column('text')
  text: string;

  /**
   * `normaliseClaimText(text)` (libs/domain), kept current with `text`: the duplicate finder
   * compares this. Indexed by hand-written SQL in the ClaimDuplicatesIndex migration (see the
   * claims_duplicates index above).
   */
  @Column('text', { default: '' })
  normalisedText: string;

  @Column('varchar', { length: 300, nullable: true })
  claimant: string | null;

  @Column('varchar', { length: 2048, nullable: true })
  firstAppearanceUrl: string | null;

  @TimestampColumn({ nullable: true })
  firstAppearedAt: Date | null;

  /** Display copy of the topics; `claim_topics` holds them for filtering and facets. */
  @Column('simple-json')
  topics: string[];

  @Column('varchar', { length: 10 })
  priority: Priority;

  /** 0 (LOW) … 3 (URGENT), for sorting. */
  @Column('integer')
  priorityRank: number;

  @TimestampColumn({ nullable: true })
  dueAt: Date | null;

  @Column('varchar', { length: 20 })
  status: ClaimStatus;

  @Column('text', { nullable: true })
  rejectionReason: string | null;

  /** Set when the claim was rejected as a duplicate merged into another claim. */
  @IdColumn({ nullable: true })
  duplicateOfId: string | null;

  /** Kept current by the evidence service: strong supporting and refuting evidence (CONTRADICTION). */
  @Column('boolean', { default: false })
  hasContradiction: boolean;

  /**
   * Kept current by libs/api/reviews on every assessment submission: the domain disagreementFlag
   * over the latest submitted assessments. Never shown to a reviewer still under blind review.
   */
  @Column('boolean', { default: false })
  hasDisagreement: boolean;

  @IdColumn({ nullable: true })
  createdById: string | null;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;

  @VersionColumn()
  version: number;

  /** Keeps normalisedText current for entity saves (query-builder updates set it themselves). */
  @BeforeInsert()
  @BeforeUpdate()
  normalise(): void {
    if (typeof this.text === 'string') this.normalisedText = normaliseClaimText(this.text);
  }
}

/** One topic of one claim, for topic filters and facet counts. */
@Entity('claim_topics')
@Index('claim_topics_topic', ['topic', 'claimId'])
export class ClaimTopicEntity {
  @IdColumn({ primary: true })
  claimId: string;

  @Column('varchar', { length: 80, primary: true })
  topic: string;

  @ManyToOne(() => ClaimEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'claimId' })
  claim: Relation<ClaimEntity>;
}
