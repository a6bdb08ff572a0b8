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
import { type Confidence, type Likelihood, type Verdict } from '@corroborate/domain';
import {
  CreatedAtColumn,
  IdColumn,
  TimestampColumn,
  UpdatedAtColumn,
} from '@corroborate/api-database';
import { ClaimEntity } from '@corroborate/api-claims';
import { EvidenceEntity } from '@corroborate/api-evidence';

export const ASSIGNMENT_STATUSES = ['OPEN', 'SUBMITTED', 'DECLINED'] as const;
export type AssignmentStatusValue = (typeof ASSIGNMENT_STATUSES)[number];
/** Assignments that count towards a claim's requiredReviews. */
export const ACTIVE_ASSIGNMENT_STATUSES: readonly AssignmentStatusValue[] = ['OPEN', 'SUBMITTED'];

export const ASSESSMENT_STATUSES = ['DRAFT', 'SUBMITTED', 'SUPERSEDED'] as const;
export type AssessmentStatusValue = (typeof ASSESSMENT_STATUSES)[number];

/**
 * One reviewer assigned to one claim. A reviewer holds at most one assignment per claim, ever
 * (unique claimId + reviewerId): once declined or submitted they are never given it again.
 */
@Entity('assignments')
@Index('assignments_claim_reviewer_unique', ['claimId', 'reviewerId'], { unique: true })
/** A reviewer's assignments; with "dueAt" and "claimId" for the dashboard's open load (DashboardIndexes). */
@Index('assignments_reviewer_status', ['reviewerId', 'status', 'dueAt', 'claimId'])
/** A claim's assignments by status: a project's open load on the dashboard (DashboardIndexes). */
@Index('assignments_claim_status', ['claimId', 'status', 'reviewerId', 'dueAt'])
export class AssignmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @IdColumn()
  claimId: string;

  @ManyToOne(() => ClaimEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'claimId' })
  claim: Relation<ClaimEntity>;

  @IdColumn()
  reviewerId: string;

  @IdColumn({ nullable: true })
  assignedById: string | null;

  @TimestampColumn({ nullable: true })
  dueAt: Date | null;

  @Column('varchar', { length: 12 })
  status: AssignmentStatusValue;

  @Column('text', { nullable: true })
  declineReason: string | null;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;

  @VersionColumn()
  version: number;
}

/**
 * One reviewer's judgement of one claim. A reviewer has at most one DRAFT per claim; a
 * submission is final, and a correction is a new SUBMITTED row that supersedes the previous one
 * (which becomes SUPERSEDED; both kept).
 */
@Entity('assessments')
@Index('assessments_assignment', ['assignmentId'])
/** A claim's assessments; with what alpha counts per claim (DashboardIndexes). */
@Index('assessments_claim_status', ['claimId', 'status', 'submittedAt', 'verdict', 'reviewerId'])
/** A reviewer's assessments; with what the dashboard counts per reviewer (DashboardIndexes). */
@Index('assessments_reviewer_status', ['reviewerId', 'status', 'submittedAt', 'claimId', 'verdict'])
export class AssessmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @IdColumn()
  claimId: string;

  @ManyToOne(() => ClaimEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'claimId' })
  claim: Relation<ClaimEntity>;

  @IdColumn()
  reviewerId: string;

  @IdColumn()
  assignmentId: string;

  @ManyToOne(() => AssignmentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'assignmentId' })
  assignment: Relation<AssignmentEntity>;

  @Column('varchar', { length: 20, nullable: true })
  verdict: Verdict | null;

  @Column('varchar', { length: 20, nullable: true })
  likelihood: Likelihood | null;

  @Column('varchar', { length: 10, nullable: true })
  confidence: Confidence | null;

  @Column('text', { nullable: true })
  rationale: string | null;

  @Column('varchar', { length: 12 })
  status: AssessmentStatusValue;

  @IdColumn({ nullable: true })
  supersedesId: string | null;

  @Column('text', { nullable: true })
  correctionReason: string | null;

  @TimestampColumn({ nullable: true })
  submittedAt: Date | null;

  @CreatedAtColumn()
  createdAt: Date;

  @UpdatedAtColumn()
  updatedAt: Date;

  @VersionColumn()
  version: number;
}

/** An evidence item an assessment relies on. */
@Entity('assessment_evidence')
@Index('assessment_evidence_evidence', ['evidenceId'])
export class AssessmentEvidenceEntity {
  @IdColumn({ primary: true })
  assessmentId: string;

  @IdColumn({ primary: true })
  evidenceId: string;

  @ManyToOne(() => AssessmentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'assessmentId' })
  assessment: Relation<AssessmentEntity>;

  @ManyToOne(() => EvidenceEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'evidenceId' })
  evidence: Relation<EvidenceEntity>;
}

/**
 * An editor's final decision on a claim. Its own table (not columns on claims) so that a claim
 * reopened and adjudicated again keeps every decision with what it cited; the claim's current
 * adjudication is its latest row while the claim is VERIFIED (reopening sets reopenedAt).
 */
@Entity('adjudications')
/** A claim's adjudications; with what the dashboard reads of the current one (DashboardIndexes). */
@Index('adjudications_claim', ['claimId', 'createdAt', 'reopenedAt', 'verdict'])
export class AdjudicationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @IdColumn()
  claimId: string;

  @ManyToOne(() => ClaimEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'claimId' })
  claim: Relation<ClaimEntity>;

  @Column('varchar', { length: 20 })
  verdict: Verdict;

  @Column('varchar', { length: 20 })
  likelihood: Likelihood;

  @Column('varchar', { length: 10 })
  confidence: Confidence;

  @Column('text')
  publicSummary: string;

  @Column('simple-json')
  citedAssessmentIds: string[];

  @Column('simple-json')
  citedEvidenceIds: string[];

  @IdColumn({ nullable: true })
  adjudicatedById: string | null;

  @TimestampColumn({ nullable: true })
  reopenedAt: Date | null;

  @Column('text', { nullable: true })
  reopenReason: string | null;

  @CreatedAtColumn()
  createdAt: Date;
}
