import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In, IsNull } from 'typeorm';
import { AuditService, type AuditEventType } from '@corroborate/api-audit';
import {
  ASSESSMENT_ENTITY_TYPE,
  CLAIM_ENTITY_TYPE,
  ClaimEntity,
  ClaimsService,
} from '@corroborate/api-claims';
import {
  type Actor,
  BadInputError,
  ConflictError,
  ForbiddenError,
  type LoaderRegistry,
  NotFoundError,
} from '@corroborate/api-core';
import { EvidenceEntity } from '@corroborate/api-evidence';
import { NotificationsService } from '@corroborate/api-notifications';
import { ProjectEntity } from '@corroborate/api-projects';
import { UserEntity } from '@corroborate/api-users';
import {
  type AlphaResult,
  canTransition,
  type Confidence,
  disagreementFlag,
  type DisagreementResult,
  IllegalTransitionError,
  type Likelihood,
  type Verdict,
  tallyAlpha,
  counted,
} from '@corroborate/domain';
import {
  ACTIVE_ASSIGNMENT_STATUSES,
  AdjudicationEntity,
  AssessmentEntity,
  AssessmentEvidenceEntity,
  AssignmentEntity,
} from './review.entities';
import { type AgreementMetric } from './dto/review.enums';
import { MAX_RATIONALE, MAX_REASON } from './dto/review.inputs';
import { ReviewLoaders } from './reviews.loaders';
import { readTallyReviewers, readVerdictTallies } from './verdict-tallies';

export interface AssignmentRequest {
  claimIds: readonly string[];
  reviewerIds: readonly string[];
  dueAt?: Date | null;
}

export interface AutoAssignResult {
  assignments: AssignmentEntity[];
  loads: { reviewer: UserEntity; openBefore: number; assigned: number; openAfter: number }[];
  unfilledClaimIds: string[];
}

export interface DraftRequest {
  claimId: string;
  verdict?: Verdict | null;
  likelihood?: Likelihood | null;
  confidence?: Confidence | null;
  rationale?: string | null;
  evidenceIds?: readonly string[] | null;
  /** A draft of a correction only: why the submitted assessment changes. */
  correctionReason?: string | null;
}

export interface SubmissionRequest {
  claimId: string;
  verdict: Verdict;
  likelihood: Likelihood;
  confidence: Confidence;
  rationale: string;
  evidenceIds: readonly string[];
  correctionReason?: string | null;
}

export interface AdjudicationRequest {
  claimId: string;
  expectedVersion: number;
  verdict: Verdict;
  likelihood: Likelihood;
  confidence: Confidence;
  publicSummary: string;
  citedAssessmentIds: readonly string[];
  citedEvidenceIds: readonly string[];
}

export interface AgreementRequest {
  projectId?: string | null;
  from?: Date | null;
  to?: Date | null;
  reviewerIds?: readonly string[] | null;
  metric?: AgreementMetric | null;
}

export interface AgreementResult extends AlphaResult {
  reviewerIds: string[];
}

const unique = <T>(list: readonly T[]): T[] => [...new Set(list)];

function iso(date: Date | null | undefined): string | null {
  return date ? date.toISOString() : null;
}

function assessmentView(a: AssessmentEntity, evidenceIds: readonly string[]) {
  return {
    claimId: a.claimId,
    verdict: a.verdict,
    likelihood: a.likelihood,
    confidence: a.confidence,
    rationale: a.rationale,
    evidenceIds: [...evidenceIds].sort(),
  };
}

/** Server-side rules of review: assignment, blind assessments, agreement and adjudication. */
@Injectable()
export class ReviewsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly claims: ClaimsService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
  ) {}

  /** Blind review also covers Claim.history (libs/api/claims asks this filter). */
  onModuleInit(): void {
    this.claims.addHistoryFilter((actor, claim, events, loaders) =>
      this.blindHistory(actor, claim, events, loaders),
    );
  }

  loaders(registry: LoaderRegistry, actor: Actor | null): ReviewLoaders {
    return new ReviewLoaders(registry, this.dataSource, actor);
  }

  // ---------------------------------------------------------------- blind review

  /**
   * Whether the caller may see other reviewers' assessments of the claim: editors and admins
   * always; viewers once the claim is VERIFIED; reviewers once VERIFIED or once they have
   * submitted their own assessment of it. (Everyone always sees their own.)
   */
  async canSeeOthers(
    actor: Actor | null,
    claim: Pick<ClaimEntity, 'id' | 'status'>,
    registry: LoaderRegistry,
  ): Promise<boolean> {
    if (!actor) return false;
    if (actor.role === 'ADMIN' || actor.role === 'EDITOR') return true;
    if (claim.status === 'VERIFIED') return true;
    if (actor.role !== 'REVIEWER') return false;
    const mine = await this.loaders(registry, actor).mineByClaim().load(claim.id);
    return mine.some((a) => a.status === 'SUBMITTED' || a.status === 'SUPERSEDED');
  }

  /** Assessments of a claim the caller may see (submitted and, if asked, superseded ones). */
  async visibleAssessments(
    actor: Actor | null,
    claim: Pick<ClaimEntity, 'id' | 'status'>,
    registry: LoaderRegistry,
    includeSuperseded: boolean,
  ): Promise<AssessmentEntity[]> {
    const all = await this.loaders(registry, actor).byClaim().load(claim.id);
    const shown = all.filter((a) => includeSuperseded || a.status === 'SUBMITTED');
    if (await this.canSeeOthers(actor, claim, registry)) return shown;
    return shown.filter((a) => a.reviewerId === actor?.id);
  }

  /** One assessment, or NOT_FOUND when it does not exist or the caller may not see it yet. */
  async visibleAssessment(
    actor: Actor | null,
    id: string,
    registry: LoaderRegistry,
  ): Promise<AssessmentEntity> {
    const loaders = this.loaders(registry, actor);
    const assessment = await loaders.byId().load(id);
    if (assessment && assessment.reviewerId === actor?.id) return assessment;
    if (assessment && assessment.status !== 'DRAFT') {
      const claim = await loaders.claim(this.claims).load(assessment.claimId);
      if (claim && (await this.canSeeOthers(actor, claim, registry))) return assessment;
    }
    throw new NotFoundError('Assessment', id);
  }

  /** The disagreement flag of a claim, or null when the caller may not see it (blind review). */
  async disagreement(
    actor: Actor | null,
    claim: Pick<ClaimEntity, 'id' | 'status'>,
    registry: LoaderRegistry,
  ): Promise<DisagreementResult | null> {
    if (!(await this.canSeeOthers(actor, claim, registry))) return null;
    const loaders = this.loaders(registry, actor);
    const submitted = (await loaders.byClaim().load(claim.id)).filter(
      (a) => a.status === 'SUBMITTED',
    );
    // Reasons name reviewers as people read them, not by ids.
    const reviewers = await loaders.user(this.claims).loadMany(submitted.map((a) => a.reviewerId));
    const nameOf = new Map(
      reviewers.flatMap((u) => (u && !(u instanceof Error) ? [[u.id, u.displayName]] : [])),
    );
    return disagreementFlag(
      submitted.map((a) => ({
        id: a.id,
        label: nameOf.get(a.reviewerId),
        verdict: a.verdict,
        likelihood: a.likelihood,
      })),
    );
  }

  /** Claim.history: other reviewers' assessment events are dropped while the caller is blind. */
  private async blindHistory(
    actor: Actor | null,
    claim: Pick<ClaimEntity, 'id' | 'status'>,
    events: AuditEventType[],
    registry: LoaderRegistry,
  ): Promise<AuditEventType[]> {
    if (!events.some((e) => e.entityType === ASSESSMENT_ENTITY_TYPE)) return events;
    if (await this.canSeeOthers(actor, claim, registry)) return events;
    return events.filter(
      (e) => e.entityType !== ASSESSMENT_ENTITY_TYPE || (actor !== null && e.actorId === actor.id),
    );
  }

  // ---------------------------------------------------------------- assignment

  /** Users that are active reviewers, in the order asked; BAD_USER_INPUT naming any other. */
  private async reviewers(
    manager: EntityManager,
    ids: readonly string[],
    field = 'reviewerIds',
  ): Promise<UserEntity[]> {
    const users = await manager.findBy(UserEntity, { id: In([...ids]) });
    const byId = new Map(users.map((u) => [u.id, u]));
    return ids.map((id) => {
      const user = byId.get(id);
      if (!user) throw new BadInputError(field, `User ${JSON.stringify(id)} does not exist.`);
      if (user.role !== 'REVIEWER' || !user.active)
        throw new BadInputError(
          field,
          `${user.displayName} (${user.email}) is not an active reviewer; only active reviewers can be assigned.`,
          { userId: user.id },
        );
      return user;
    });
  }

  /** Locks the claims (sorted, so concurrent bulk writes cannot deadlock); CONFLICT if any is locked. */
  private async lockClaims(manager: EntityManager, ids: readonly string[]) {
    const claims = new Map<string, ClaimEntity>();
    for (const id of [...ids].sort()) claims.set(id, await this.claims.getForUpdate(id, manager));
    const projects = await manager.findBy(ProjectEntity, {
      id: In(unique([...claims.values()].map((c) => c.projectId))),
    });
    const required = new Map(projects.map((p) => [p.id, p.requiredReviews]));
    const rows = await manager.findBy(AssignmentEntity, { claimId: In([...ids]) });
    const assignments = new Map<string, AssignmentEntity[]>([...ids].map((id) => [id, []]));
    for (const row of rows) assignments.get(row.claimId)?.push(row);
    return {
      claims,
      requiredOf: (claim: ClaimEntity) => required.get(claim.projectId) ?? 2,
      assignments,
    };
  }

  private async createAssignment(
    manager: EntityManager,
    actor: Actor,
    claim: ClaimEntity,
    reviewer: UserEntity,
    dueAt: Date | null,
    action = 'assignment.created',
    before: Record<string, unknown> | null = null,
    reason: string | null = null,
  ): Promise<{ assignment: AssignmentEntity; claim: ClaimEntity }> {
    const now = new Date();
    const assignment = await manager.save(
      manager.create(AssignmentEntity, {
        claimId: claim.id,
        reviewerId: reviewer.id,
        assignedById: actor.id,
        dueAt,
        status: 'OPEN',
        declineReason: null,
        createdAt: now,
        updatedAt: now,
      }),
    );
    await this.audit.record(
      {
        actorId: actor.id,
        entityType: CLAIM_ENTITY_TYPE,
        entityId: claim.id,
        action,
        before,
        after: { assignmentId: assignment.id, reviewerId: reviewer.id, dueAt: iso(dueAt) },
        reason,
      },
      manager,
    );
    await this.notifications.notify(manager, {
      kind: 'ASSIGNED',
      recipientIds: [reviewer.id],
      actorId: actor.id,
      claimId: claim.id,
    });
    let current = claim;
    if (claim.status === 'NEW')
      current = await this.claims.changeStatus(
        manager,
        actor,
        claim,
        'IN_REVIEW',
        'claim.statusChanged',
      );
    return { assignment, claim: current };
  }

  /** Bulk assignment: every reviewer to every claim, all or nothing. */
  assign(actor: Actor, request: AssignmentRequest): Promise<AssignmentEntity[]> {
    const claimIds = unique(request.claimIds);
    const reviewerIds = unique(request.reviewerIds);
    return this.dataSource.transaction(async (manager) => {
      const reviewers = await this.reviewers(manager, reviewerIds);
      const { claims, requiredOf, assignments } = await this.lockClaims(manager, claimIds);
      const made: AssignmentEntity[] = [];
      for (const claimId of claimIds) {
        let claim = claims.get(claimId) as ClaimEntity;
        const existing = assignments.get(claimId) ?? [];
        for (const reviewer of reviewers) {
          const previous = existing.find((a) => a.reviewerId === reviewer.id);
          if (previous)
            throw new BadInputError(
              'reviewerIds',
              previous.status === 'OPEN'
                ? `${reviewer.displayName} is already assigned to this claim.`
                : `${reviewer.displayName} ${previous.status === 'DECLINED' ? 'declined' : 'already assessed'} this claim; a reviewer never gets the same claim twice.`,
              { claimId, userId: reviewer.id },
            );
        }
        const active = existing.filter((a) => ACTIVE_ASSIGNMENT_STATUSES.includes(a.status)).length;
        const required = requiredOf(claim);
        if (active + reviewers.length > required)
          throw new BadInputError(
            'reviewerIds',
            `This claim needs ${counted(required, 'review')} and has ${counted(active, 'active assignment')}; at most ${counted(Math.max(0, required - active), 'more reviewer')} can be assigned.`,
            { claimId, requiredReviews: required, activeAssignments: active },
          );
        for (const reviewer of reviewers) {
          const result = await this.createAssignment(
            manager,
            actor,
            claim,
            reviewer,
            request.dueAt ?? null,
          );
          claim = result.claim;
          made.push(result.assignment);
        }
      }
      return made;
    });
  }

  /**
   * Fills each claim up to its project's requiredReviews from the chosen reviewers, least open
   * load first (OPEN assignments, updated as it goes), never a reviewer the claim had before.
   */
  autoAssign(actor: Actor, request: AssignmentRequest): Promise<AutoAssignResult> {
    const claimIds = unique(request.claimIds);
    const reviewerIds = unique(request.reviewerIds);
    return this.dataSource.transaction(async (manager) => {
      if (reviewerIds.length === 0)
        throw new BadInputError('reviewerIds', 'Choose at least one reviewer to auto-assign to.');
      const activeReviewers = await manager.countBy(UserEntity, { role: 'REVIEWER', active: true });
      if (reviewerIds.length > activeReviewers)
        throw new BadInputError(
          'reviewerIds',
          `You chose ${counted(reviewerIds.length, 'reviewer')} but there ${activeReviewers === 1 ? 'is' : 'are'} only ${counted(activeReviewers, 'active reviewer')}.`,
        );
      const reviewers = await this.reviewers(manager, reviewerIds);
      const { claims, requiredOf, assignments } = await this.lockClaims(manager, claimIds);
      const loadRows = (await manager
        .createQueryBuilder(AssignmentEntity, 'a')
        .select('a.reviewerId', 'reviewerId')
        .addSelect('COUNT(*)', 'n')
        .where('a.status = :open AND a.reviewerId IN (:...ids)', { open: 'OPEN', ids: reviewerIds })
        .groupBy('a.reviewerId')
        .getRawMany()) as { reviewerId: string; n: string | number }[];
      const before = new Map(reviewers.map((r) => [r.id, 0]));
      for (const row of loadRows) before.set(row.reviewerId, Number(row.n));
      const load = new Map(before);
      const assigned = new Map(reviewers.map((r) => [r.id, 0]));
      const made: AssignmentEntity[] = [];
      const unfilled: string[] = [];
      for (const claimId of claimIds) {
        let claim = claims.get(claimId) as ClaimEntity;
        const existing = assignments.get(claimId) ?? [];
        const active = existing.filter((a) => ACTIVE_ASSIGNMENT_STATUSES.includes(a.status)).length;
        let need = Math.max(0, requiredOf(claim) - active);
        if (need === 0) continue;
        const had = new Set(existing.map((a) => a.reviewerId));
        const candidates = reviewers
          .filter((r) => !had.has(r.id))
          .sort(
            (a, b) =>
              (load.get(a.id) ?? 0) - (load.get(b.id) ?? 0) ||
              reviewerIds.indexOf(a.id) - reviewerIds.indexOf(b.id),
          );
        for (const reviewer of candidates) {
          if (need === 0) break;
          const result = await this.createAssignment(
            manager,
            actor,
            claim,
            reviewer,
            request.dueAt ?? null,
          );
          claim = result.claim;
          made.push(result.assignment);
          load.set(reviewer.id, (load.get(reviewer.id) ?? 0) + 1);
          assigned.set(reviewer.id, (assigned.get(reviewer.id) ?? 0) + 1);
          need -= 1;
        }
        if (need > 0) unfilled.push(claimId);
      }
      return {
        assignments: made,
        loads: reviewers.map((reviewer) => ({
          reviewer,
          openBefore: before.get(reviewer.id) ?? 0,
          assigned: assigned.get(reviewer.id) ?? 0,
          openAfter: load.get(reviewer.id) ?? 0,
        })),
        unfilledClaimIds: unfilled,
      };
    });
  }

  /** An OPEN assignment, its claim locked; CONFLICT when it is no longer OPEN. */
  private async openAssignment(manager: EntityManager, assignmentId: string) {
    const assignment = await manager.findOneBy(AssignmentEntity, { id: assignmentId });
    if (!assignment) throw new NotFoundError('Assignment', assignmentId);
    const claim = await this.claims.getForUpdate(assignment.claimId, manager);
    if (assignment.status !== 'OPEN')
      throw new ConflictError(
        `This assignment is ${assignment.status}; only an OPEN assignment can be changed.`,
        { status: assignment.status },
      );
    return { assignment, claim };
  }

  /** Removes an OPEN assignment (and the reviewer's unsent drafts on it); audited on the claim. */
  private async removeAssignment(manager: EntityManager, assignment: AssignmentEntity) {
    const drafts = await manager.findBy(AssessmentEntity, {
      assignmentId: assignment.id,
      status: 'DRAFT',
    });
    if (drafts.length > 0) {
      await manager.delete(AssessmentEvidenceEntity, {
        assessmentId: In(drafts.map((d) => d.id)),
      });
      await manager.delete(AssessmentEntity, { id: In(drafts.map((d) => d.id)) });
    }
    await manager.delete(AssignmentEntity, { id: assignment.id });
  }

  unassign(actor: Actor, assignmentId: string, reason: string | null): Promise<ClaimEntity> {
    return this.dataSource.transaction(async (manager) => {
      const { assignment, claim } = await this.openAssignment(manager, assignmentId);
      await this.removeAssignment(manager, assignment);
      await this.audit.record(
        {
          actorId: actor.id,
          entityType: CLAIM_ENTITY_TYPE,
          entityId: claim.id,
          action: 'assignment.removed',
          before: { assignmentId: assignment.id, reviewerId: assignment.reviewerId },
          reason: reason?.trim() || null,
        },
        manager,
      );
      return claim;
    });
  }

  reassign(
    actor: Actor,
    assignmentId: string,
    reviewerId: string,
    dueAt: Date | null | undefined,
    reason: string | null,
  ): Promise<AssignmentEntity> {
    return this.dataSource.transaction(async (manager) => {
      const { assignment, claim } = await this.openAssignment(manager, assignmentId);
      const [reviewer] = await this.reviewers(manager, [reviewerId], 'reviewerId');
      const previous = await manager.findOneBy(AssignmentEntity, {
        claimId: claim.id,
        reviewerId,
      });
      if (previous)
        throw new BadInputError(
          'reviewerId',
          previous.status === 'OPEN'
            ? `${reviewer.displayName} is already assigned to this claim.`
            : `${reviewer.displayName} ${previous.status === 'DECLINED' ? 'declined' : 'already assessed'} this claim; a reviewer never gets the same claim twice.`,
        );
      await this.removeAssignment(manager, assignment);
      const result = await this.createAssignment(
        manager,
        actor,
        claim,
        reviewer,
        dueAt === undefined ? assignment.dueAt : dueAt,
        'assignment.reassigned',
        { assignmentId: assignment.id, reviewerId: assignment.reviewerId },
        reason?.trim() || null,
      );
      return result.assignment;
    });
  }

  /** The assigned reviewer declines with a reason; the claim goes back to "unassigned". */
  decline(actor: Actor, assignmentId: string, reason: string): Promise<AssignmentEntity> {
    const trimmed = reason.trim();
    if (!trimmed || trimmed.length > MAX_REASON)
      throw new BadInputError('reason', `reason must be between 1 and ${MAX_REASON} characters.`);
    return this.dataSource.transaction(async (manager) => {
      const found = await manager.findOneBy(AssignmentEntity, { id: assignmentId });
      if (!found) throw new NotFoundError('Assignment', assignmentId);
      if (found.reviewerId !== actor.id)
        throw new ForbiddenError('Only the assigned reviewer can decline this assignment.');
      const { assignment, claim } = await this.openAssignment(manager, assignmentId);
      assignment.status = 'DECLINED';
      assignment.declineReason = trimmed;
      const saved = await manager.save(assignment);
      await this.audit.record(
        {
          actorId: actor.id,
          entityType: CLAIM_ENTITY_TYPE,
          entityId: claim.id,
          action: 'assignment.declined',
          before: {
            assignmentId: assignment.id,
            reviewerId: assignment.reviewerId,
            status: 'OPEN',
          },
          after: {
            assignmentId: assignment.id,
            reviewerId: assignment.reviewerId,
            status: 'DECLINED',
          },
          reason: trimmed,
        },
        manager,
      );
      return saved;
    });
  }

  // ---------------------------------------------------------------- assessments

  /**
   * The claim (locked against concurrent writes; CONFLICT when VERIFIED or REJECTED) and the
   * caller's OPEN or SUBMITTED assignment on it (FORBIDDEN without one).
   */
  private async assessable(manager: EntityManager, actor: Actor, claimId: string) {
    const claim = await this.claims.getForUpdate(claimId, manager);
    const assignment = await this.activeAssignment(manager, actor, claimId);
    return { claim, assignment };
  }

  /** The caller's open or submitted assignment on the claim; FORBIDDEN without one. */
  private async activeAssignment(
    manager: EntityManager,
    actor: Actor,
    claimId: string,
  ): Promise<AssignmentEntity> {
    const assignment = await manager.findOneBy(AssignmentEntity, {
      claimId,
      reviewerId: actor.id,
      status: In([...ACTIVE_ASSIGNMENT_STATUSES]),
    });
    if (!assignment)
      throw new ForbiddenError(
        'You are not assigned to this claim; only its assigned reviewers can assess it.',
      );
    return assignment;
  }

  /** Distinct ids of non-retracted evidence of the claim; BAD_USER_INPUT naming `field` otherwise. */
  private async claimEvidence(
    manager: EntityManager,
    claimId: string,
    ids: readonly string[],
    field: string,
    allowRetracted = false,
  ): Promise<string[]> {
    const wanted = unique(ids);
    if (wanted.length === 0) return [];
    const rows = await manager.findBy(EvidenceEntity, { id: In(wanted) });
    const ok = new Set(
      rows
        .filter((e) => e.claimId === claimId && (allowRetracted || !e.retracted))
        .map((e) => e.id),
    );
    const bad = wanted.find((id) => !ok.has(id));
    if (bad)
      throw new BadInputError(
        field,
        `Evidence ${JSON.stringify(bad)} is not ${allowRetracted ? 'an' : 'a current (not retracted)'} evidence item of this claim.`,
        { evidenceId: bad },
      );
    return wanted;
  }

  private async writeEvidenceLinks(
    manager: EntityManager,
    assessmentId: string,
    evidenceIds: readonly string[],
  ): Promise<void> {
    await manager.delete(AssessmentEvidenceEntity, { assessmentId });
    if (evidenceIds.length > 0)
      await manager.insert(
        AssessmentEvidenceEntity,
        evidenceIds.map((evidenceId) => ({ assessmentId, evidenceId })),
      );
  }

  /**
   * Creates or updates the caller's draft; unsent values given as null are cleared. A draft saved
   * after the caller has submitted is a draft of their correction (it may carry the correction's
   * reason); submitting it supersedes the submission, as any correction does.
   */
  saveDraft(actor: Actor, request: DraftRequest): Promise<AssessmentEntity> {
    return this.dataSource.transaction(async (manager) => {
      const { claim, assignment } = await this.assessable(manager, actor, request.claimId);
      const correctionReason =
        request.correctionReason === undefined
          ? undefined
          : request.correctionReason?.trim() || null;
      if (
        correctionReason &&
        !(await manager.existsBy(AssessmentEntity, {
          claimId: claim.id,
          reviewerId: actor.id,
          status: 'SUBMITTED',
        }))
      )
        throw new BadInputError(
          'correctionReason',
          'You have not submitted an assessment of this claim yet: only a correction of a submission has a correctionReason.',
        );
      const evidenceIds =
        request.evidenceIds === undefined || request.evidenceIds === null
          ? null
          : await this.claimEvidence(manager, claim.id, request.evidenceIds, 'evidenceIds');
      const now = new Date();
      let draft = await manager.findOneBy(AssessmentEntity, {
        claimId: claim.id,
        reviewerId: actor.id,
        status: 'DRAFT',
      });
      if (!draft)
        draft = manager.create(AssessmentEntity, {
          claimId: claim.id,
          reviewerId: actor.id,
          assignmentId: assignment.id,
          verdict: null,
          likelihood: null,
          confidence: null,
          rationale: null,
          status: 'DRAFT',
          supersedesId: null,
          correctionReason: null,
          submittedAt: null,
          createdAt: now,
        });
      if (request.verdict !== undefined) draft.verdict = request.verdict;
      if (request.likelihood !== undefined) draft.likelihood = request.likelihood;
      if (request.confidence !== undefined) draft.confidence = request.confidence;
      if (request.rationale !== undefined) {
        const rationale = request.rationale?.trim() || null;
        if (rationale && rationale.length > MAX_RATIONALE)
          throw new BadInputError(
            'rationale',
            `rationale must be at most ${MAX_RATIONALE} characters.`,
          );
        draft.rationale = rationale;
      }
      if (correctionReason !== undefined) draft.correctionReason = correctionReason;
      draft.updatedAt = now;
      const saved = await manager.save(draft);
      if (evidenceIds !== null) await this.writeEvidenceLinks(manager, saved.id, evidenceIds);
      return saved;
    });
  }

  /**
   * Discards the caller's draft on the claim (a first assessment's or a correction's) with the
   * evidence it cited; false when there is none. Drafts are private and never audited, and not
   * part of the claim's record, so a draft left unsent when the claim was verified or rejected
   * can still be discarded by its reviewer: the lock keeps the record, not private drafts.
   */
  discardDraft(actor: Actor, claimId: string): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const claim = await manager.findOneBy(ClaimEntity, { id: claimId });
      if (!claim) throw new NotFoundError('Claim', claimId);
      await this.activeAssignment(manager, actor, claimId);
      const draft = await manager.findOneBy(AssessmentEntity, {
        claimId: claim.id,
        reviewerId: actor.id,
        status: 'DRAFT',
      });
      if (!draft) return false;
      await manager.delete(AssessmentEvidenceEntity, { assessmentId: draft.id });
      await manager.delete(AssessmentEntity, { id: draft.id });
      return true;
    });
  }

  /**
   * Submits the caller's assessment (their draft, if any, becomes the submission). A second
   * submission is a correction: it needs a correctionReason and supersedes the first (both
   * kept). Recomputes the claim's disagreement flag, and moves the claim to NEEDS_ADJUDICATION
   * once as many reviewers as the project requires have submitted.
   */
  submit(actor: Actor, request: SubmissionRequest): Promise<AssessmentEntity> {
    const rationale = request.rationale.trim();
    if (rationale.length < 1 || rationale.length > MAX_RATIONALE)
      throw new BadInputError(
        'rationale',
        `rationale must be between 1 and ${MAX_RATIONALE} characters.`,
      );
    return this.dataSource.transaction(async (manager) => {
      const { claim, assignment } = await this.assessable(manager, actor, request.claimId);
      const prior = await manager.findOneBy(AssessmentEntity, {
        claimId: claim.id,
        reviewerId: actor.id,
        status: 'SUBMITTED',
      });
      const correctionReason = request.correctionReason?.trim() || null;
      if (prior && !correctionReason)
        throw new BadInputError(
          'correctionReason',
          'You already submitted an assessment of this claim; a submission is final, so a correction needs a correctionReason saying what changed and why.',
        );
      const evidenceIds = await this.claimEvidence(
        manager,
        claim.id,
        request.evidenceIds,
        'evidenceIds',
      );
      const now = new Date();
      let priorEvidence: string[] = [];
      if (prior) {
        priorEvidence = (
          await manager.findBy(AssessmentEvidenceEntity, { assessmentId: prior.id })
        ).map((l) => l.evidenceId);
        prior.status = 'SUPERSEDED';
        prior.updatedAt = now;
        await manager.save(prior);
      }
      const draft = await manager.findOneBy(AssessmentEntity, {
        claimId: claim.id,
        reviewerId: actor.id,
        status: 'DRAFT',
      });
      const submission =
        draft ??
        manager.create(AssessmentEntity, {
          claimId: claim.id,
          reviewerId: actor.id,
          createdAt: now,
        });
      Object.assign(submission, {
        assignmentId: assignment.id,
        verdict: request.verdict,
        likelihood: request.likelihood,
        confidence: request.confidence,
        rationale,
        status: 'SUBMITTED',
        supersedesId: prior?.id ?? null,
        correctionReason: prior ? correctionReason : null,
        submittedAt: now,
        updatedAt: now,
      });
      const saved = await manager.save(submission);
      await this.writeEvidenceLinks(manager, saved.id, evidenceIds);
      if (assignment.status === 'OPEN') {
        assignment.status = 'SUBMITTED';
        await manager.save(assignment);
      }
      await this.audit.record(
        {
          actorId: actor.id,
          entityType: ASSESSMENT_ENTITY_TYPE,
          entityId: saved.id,
          action: prior ? 'assessment.corrected' : 'assessment.submitted',
          before: prior
            ? { ...assessmentView(prior, priorEvidence), assessmentId: prior.id }
            : null,
          after: assessmentView(saved, evidenceIds),
          reason: prior ? correctionReason : null,
        },
        manager,
      );
      await this.afterSubmission(manager, actor, claim);
      return saved;
    });
  }

  /** Disagreement flag and the move to NEEDS_ADJUDICATION, in the submission's transaction. */
  private async afterSubmission(manager: EntityManager, actor: Actor, claim: ClaimEntity) {
    const submitted = await manager.findBy(AssessmentEntity, {
      claimId: claim.id,
      status: 'SUBMITTED',
    });
    const flag = disagreementFlag(
      submitted.map((a) => ({ id: a.id, verdict: a.verdict, likelihood: a.likelihood })),
    );
    if (flag.flagged !== claim.hasDisagreement) {
      const postgres = manager.connection.options.type === 'postgres';
      // Derived, not an edit: leaves the claim's version and updatedAt alone (like hasContradiction).
      await manager.query(
        postgres
          ? 'UPDATE "claims" SET "hasDisagreement" = $1 WHERE "id" = $2'
          : 'UPDATE "claims" SET "hasDisagreement" = ? WHERE "id" = ?',
        [postgres ? flag.flagged : flag.flagged ? 1 : 0, claim.id],
      );
      claim.hasDisagreement = flag.flagged;
    }
    const project = await manager.findOneByOrFail(ProjectEntity, { id: claim.projectId });
    const reviewers = new Set(submitted.map((a) => a.reviewerId)).size;
    if (claim.status === 'IN_REVIEW' && reviewers >= project.requiredReviews) {
      await this.claims.changeStatus(
        manager,
        actor,
        claim,
        'NEEDS_ADJUDICATION',
        'claim.statusChanged',
      );
      // "A claim you assigned needs adjudication": whoever assigned its current reviewers.
      const assignments = await manager.findBy(AssignmentEntity, {
        claimId: claim.id,
        status: In([...ACTIVE_ASSIGNMENT_STATUSES]),
      });
      await this.notifications.notify(manager, {
        kind: 'NEEDS_ADJUDICATION',
        recipientIds: assignments.map((a) => a.assignedById),
        actorId: actor.id,
        claimId: claim.id,
      });
    }
  }

  // ---------------------------------------------------------------- agreement

  async agreement(request: AgreementRequest): Promise<AgreementResult> {
    const pair = request.reviewerIds ? unique(request.reviewerIds) : null;
    if (request.reviewerIds && (request.reviewerIds.length !== 2 || pair?.length !== 2))
      throw new BadInputError(
        'reviewerIds',
        'reviewerIds must list exactly two different reviewers (a pair).',
      );
    if (request.from && request.to && request.from > request.to)
      throw new BadInputError('to', 'to must not be before from.');
    // Counted in SQL per claim (only the verdicts alpha needs, no assessment rows hydrated).
    const filter = {
      projectId: request.projectId ?? null,
      reviewerIds: pair,
      from: request.from ?? null,
      to: request.to ?? null,
    };
    const [tallies, reviewerIds] = await Promise.all([
      readVerdictTallies(this.dataSource, filter),
      readTallyReviewers(this.dataSource, filter),
    ]);
    const metric = request.metric === 'NOMINAL' ? 'nominal' : 'ordinal';
    return { ...tallyAlpha(tallies, metric), reviewerIds };
  }

  // ---------------------------------------------------------------- adjudication

  adjudicate(actor: Actor, request: AdjudicationRequest): Promise<AdjudicationEntity> {
    return this.dataSource.transaction(async (manager) => {
      const claim = await this.claims.getForUpdate(request.claimId, manager);
      await this.claims.checkVersion(manager, claim, request.expectedVersion);
      if (!canTransition(claim.status, 'VERIFIED')) {
        // The workflow's own message, naming both states (e.g. before the assessments are in).
        const error = new IllegalTransitionError(claim.status, 'VERIFIED');
        throw new ConflictError(error.message, { from: error.from, to: error.to });
      }
      const publicSummary = request.publicSummary.trim();
      if (!publicSummary)
        throw new BadInputError(
          'publicSummary',
          'publicSummary must be between 1 and 5000 characters.',
        );
      const citedAssessmentIds = unique(request.citedAssessmentIds);
      if (citedAssessmentIds.length > 0) {
        const cited = await manager.findBy(AssessmentEntity, { id: In(citedAssessmentIds) });
        const ok = new Set(
          cited.filter((a) => a.claimId === claim.id && a.status === 'SUBMITTED').map((a) => a.id),
        );
        const bad = citedAssessmentIds.find((id) => !ok.has(id));
        if (bad)
          throw new BadInputError(
            'citedAssessmentIds',
            `Assessment ${JSON.stringify(bad)} is not a current submitted assessment of this claim.`,
          );
      }
      const citedEvidenceIds = await this.claimEvidence(
        manager,
        claim.id,
        request.citedEvidenceIds,
        'citedEvidenceIds',
      );
      const adjudication = await manager.save(
        manager.create(AdjudicationEntity, {
          claimId: claim.id,
          verdict: request.verdict,
          likelihood: request.likelihood,
          confidence: request.confidence,
          publicSummary,
          citedAssessmentIds,
          citedEvidenceIds,
          adjudicatedById: actor.id,
          reopenedAt: null,
          reopenReason: null,
          createdAt: new Date(),
        }),
      );
      await this.claims.changeStatus(manager, actor, claim, 'VERIFIED', 'claim.adjudicated', null, {
        adjudicationId: adjudication.id,
        finalVerdict: request.verdict,
        finalLikelihood: request.likelihood,
        finalConfidence: request.confidence,
        publicSummary,
        citedAssessmentIds,
        citedEvidenceIds,
      });
      const assessed = await manager.findBy(AssessmentEntity, {
        claimId: claim.id,
        status: 'SUBMITTED',
      });
      await this.notifications.notify(manager, {
        kind: 'ADJUDICATED',
        recipientIds: assessed.map((a) => a.reviewerId),
        actorId: actor.id,
        claimId: claim.id,
      });
      return adjudication;
    });
  }

  /** VERIFIED → IN_REVIEW with a reason; the adjudication is kept, marked reopened. */
  reopen(actor: Actor, claimId: string, expectedVersion: number, reason: string) {
    const trimmed = reason.trim();
    if (!trimmed || trimmed.length > MAX_REASON)
      throw new BadInputError('reason', `reason must be between 1 and ${MAX_REASON} characters.`);
    return this.dataSource.transaction(async (manager) => {
      const claim = await this.claims.get(claimId, manager);
      await this.claims.checkVersion(manager, claim, expectedVersion);
      const saved = await this.claims.changeStatus(
        manager,
        actor,
        claim,
        'IN_REVIEW',
        'claim.reopened',
        trimmed,
      );
      // The adjudication in force is the one not yet reopened (never "the newest": two made
      // within one clock tick would tie).
      const current = await manager.findOne(AdjudicationEntity, {
        where: { claimId, reopenedAt: IsNull() },
        order: { createdAt: 'DESC' },
      });
      if (current) {
        current.reopenedAt = new Date();
        current.reopenReason = trimmed;
        await manager.save(current);
      }
      return saved;
    });
  }
}
