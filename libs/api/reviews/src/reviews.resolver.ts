import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { type GraphQLResolveInfo } from 'graphql';
import { ClaimPreloads, ClaimsService, ClaimType } from '@corroborate/api-claims';
import {
  type Actor,
  CurrentActor,
  idPipe,
  LoaderRegistry,
  Loaders,
  loadersOf,
  NotFoundError,
  type RequestContext,
  Role,
  Roles,
  ALL_ROLES,
  selectionWithin,
  selectsOnly,
  whenLoaded,
} from '@corroborate/api-core';
import { type EvidenceEntity, EvidenceType } from '@corroborate/api-evidence';
import { type UserEntity, UserType } from '@corroborate/api-users';
import {
  AdjudicateClaimInput,
  AgreementInput,
  AssignReviewersInput,
  AutoAssignInput,
  DeclineAssignmentInput,
  DiscardAssessmentDraftInput,
  ReassignReviewerInput,
  ReopenClaimInput,
  SaveAssessmentDraftInput,
  SubmitAssessmentInput,
  UnassignReviewerInput,
} from './dto/review.inputs';
import {
  AdjudicationType,
  AgreementType,
  AssessmentType,
  AssignmentType,
  AutoAssignPayload,
  DisagreementType,
} from './dto/review.types';
import { QUEUE_ASSIGNMENT_FIELDS, QUEUE_REVIEWER_FIELDS } from './reviews.loaders';
import { ReviewsService } from './reviews.service';

@Resolver()
export class ReviewsResolver {
  constructor(
    private readonly service: ReviewsService,
    private readonly claims: ClaimsService,
  ) {}

  @Roles(Role.ADMIN, Role.EDITOR)
  @Mutation(() => [AssignmentType], {
    description:
      'Assigns every reviewer to every claim (bulk), all or nothing. The first assignment moves a NEW claim to IN_REVIEW. BAD_USER_INPUT (field reviewerIds) for a user who is not an active reviewer, a reviewer who had the claim before, or more reviewers than the project requires; CONFLICT for a VERIFIED or REJECTED claim.',
  })
  assignReviewers(
    @CurrentActor() actor: Actor,
    @Args('input') input: AssignReviewersInput,
  ): Promise<AssignmentType[]> {
    return this.service.assign(actor, input);
  }

  @Roles(Role.ADMIN, Role.EDITOR)
  @Mutation(() => AutoAssignPayload, {
    description:
      "Fills each claim up to its project's requiredReviews from the chosen reviewers, least open load first, never giving a reviewer a claim they had before.",
  })
  async autoAssign(
    @CurrentActor() actor: Actor,
    @Args('input') input: AutoAssignInput,
  ): Promise<AutoAssignPayload> {
    return this.service.autoAssign(actor, input);
  }

  @Roles(Role.ADMIN, Role.EDITOR)
  @Mutation(() => ClaimType, {
    description:
      "Removes an OPEN assignment (and the reviewer's unsubmitted draft). CONFLICT when it is no longer OPEN.",
  })
  unassignReviewer(
    @CurrentActor() actor: Actor,
    @Args('input') input: UnassignReviewerInput,
  ): Promise<ClaimType> {
    return this.service.unassign(actor, input.assignmentId, input.reason ?? null);
  }

  @Roles(Role.ADMIN, Role.EDITOR)
  @Mutation(() => AssignmentType, {
    description: 'Moves an OPEN assignment to another reviewer, in one step.',
  })
  reassignReviewer(
    @CurrentActor() actor: Actor,
    @Args('input') input: ReassignReviewerInput,
  ): Promise<AssignmentType> {
    return this.service.reassign(
      actor,
      input.assignmentId,
      input.reviewerId,
      input.dueAt,
      input.reason ?? null,
    );
  }

  @Roles(Role.REVIEWER)
  @Mutation(() => AssignmentType, {
    description:
      'The assigned reviewer declines an OPEN assignment with a reason; the claim returns to the unassigned queue.',
  })
  declineAssignment(
    @CurrentActor() actor: Actor,
    @Args('input') input: DeclineAssignmentInput,
  ): Promise<AssignmentType> {
    return this.service.decline(actor, input.assignmentId, input.reason);
  }

  @Roles(Role.REVIEWER)
  @Mutation(() => AssessmentType, {
    description:
      "Saves the caller's draft assessment (seen only by them). FORBIDDEN when not assigned to the claim; CONFLICT when the claim is locked.",
  })
  saveAssessmentDraft(
    @CurrentActor() actor: Actor,
    @Args('input') input: SaveAssessmentDraftInput,
  ): Promise<AssessmentType> {
    return this.service.saveDraft(actor, input);
  }

  @Roles(Role.REVIEWER)
  @Mutation(() => Boolean, {
    description:
      "Discards the caller's unsent draft on the claim (of a first assessment or of a correction); false when there is none. Submissions are never discarded. FORBIDDEN when not assigned to the claim.",
  })
  discardAssessmentDraft(
    @CurrentActor() actor: Actor,
    @Args('input') input: DiscardAssessmentDraftInput,
  ): Promise<boolean> {
    return this.service.discardDraft(actor, input.claimId);
  }

  @Roles(Role.REVIEWER)
  @Mutation(() => AssessmentType, {
    description:
      'Submits the caller’s assessment; final. Submitting again is a correction (correctionReason required) that supersedes the earlier one. The claim moves to NEEDS_ADJUDICATION when the required number of reviewers have submitted.',
  })
  submitAssessment(
    @CurrentActor() actor: Actor,
    @Args('input') input: SubmitAssessmentInput,
  ): Promise<AssessmentType> {
    return this.service.submit(actor, input);
  }

  @Roles(...ALL_ROLES)
  @Query(() => AssessmentType, {
    description:
      'One assessment. NOT_FOUND also when the caller may not see it yet (blind review).',
  })
  assessment(
    @Args('id', { type: () => ID }, idPipe('id')) id: string,
    @CurrentActor() actor: Actor,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<AssessmentType> {
    return this.service.visibleAssessment(actor, id, loaders);
  }

  @Roles(Role.ADMIN, Role.EDITOR)
  @Query(() => AgreementType, {
    description:
      "Krippendorff's alpha over the latest submitted verdicts: a project, a time window (by submission time) and/or a pair of reviewers.",
  })
  async agreement(
    @Args('input', { type: () => AgreementInput, nullable: true, defaultValue: {} })
    input: AgreementInput,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<AgreementType> {
    const result = await this.service.agreement(input ?? {});
    const users = await this.service
      .loaders(loaders, null)
      .user(this.claims)
      .loadMany(result.reviewerIds);
    return {
      metric: result.metric === 'nominal' ? 'NOMINAL' : 'ORDINAL',
      alpha: result.alpha,
      computable: result.computable,
      reason: result.reason ?? null,
      pairableValues: result.pairableValues,
      units: result.unitsUsed,
      reviewers: users.filter((u): u is UserEntity => !!u && !(u instanceof Error)),
    };
  }

  @Roles(Role.ADMIN, Role.EDITOR)
  @Mutation(() => AdjudicationType, {
    description:
      'Records the final verdict of a NEEDS_ADJUDICATION claim; it becomes VERIFIED and locked. CONFLICT from any other state (with the workflow message) or on a stale expectedVersion.',
  })
  adjudicateClaim(
    @CurrentActor() actor: Actor,
    @Args('input') input: AdjudicateClaimInput,
  ): Promise<AdjudicationType> {
    return this.service.adjudicate(actor, input);
  }

  @Roles(Role.ADMIN, Role.EDITOR)
  @Mutation(() => ClaimType, {
    description: 'Reopens a VERIFIED claim (back to IN_REVIEW) with a reason.',
  })
  reopenClaim(
    @CurrentActor() actor: Actor,
    @Args('input') input: ReopenClaimInput,
  ): Promise<ClaimType> {
    return this.service.reopen(actor, input.claimId, input.expectedVersion, input.reason);
  }
}

/** The review side of a claim, all under the blind rule. */
@Resolver(() => ClaimType)
export class ClaimReviewsResolver {
  constructor(
    private readonly service: ReviewsService,
    claims: ClaimsService,
    preloads: ClaimPreloads,
  ) {
    // The queue's look-ahead: assignments (every caller sees all of a claim's assignments), and
    // their reviewers when asked. Assessments are not looked ahead: the blind rule decides them.
    preloads.register(['assignments'], async (page, node, registry) => {
      const loaders = this.service.loaders(registry, null);
      const ids = page.map((c) => c.id);
      const assignments = node.get('assignments');
      const queueShaped = !assignments || selectionWithin(assignments, QUEUE_ASSIGNMENT_FIELDS);
      const reviewer = assignments?.get('reviewer');
      if (reviewer)
        await loaders.assignmentsWithReviewers(
          ids,
          claims,
          queueShaped,
          selectionWithin(reviewer, QUEUE_REVIEWER_FIELDS),
        );
      else
        await (
          queueShaped ? loaders.assignmentsByClaimForQueue() : loaders.assignmentsByClaim()
        ).loadMany(ids);
    });
  }

  // No parameter decorators: Nest binds such a field resolver directly (no per-call pipeline).
  @ResolveField(() => [AssignmentType], {
    description: 'Assignments of the claim, every status, oldest first.',
  })
  assignments(
    claim: ClaimType,
    _args: unknown,
    context: RequestContext,
    info: GraphQLResolveInfo,
  ): AssignmentType[] | Promise<AssignmentType[]> {
    const loaders = this.service.loaders(loadersOf(context), context.req.actor ?? null);
    const queue = loaders.assignmentsByClaimForQueue();
    if (queue.isLoaded(claim.id) && selectsOnly(info, QUEUE_ASSIGNMENT_FIELDS))
      // Only QUEUE_ASSIGNMENT_FIELDS are selected, and they read nothing but these columns.
      return queue.loadNow(claim.id) as AssignmentType[];
    return loaders.assignmentsByClaim().loadNow(claim.id);
  }

  @ResolveField(() => [AssessmentType], {
    description:
      'Submitted assessments (and superseded ones if asked). Blind: a reviewer sees only their own until they have submitted; a viewer sees them once the claim is VERIFIED.',
  })
  assessments(
    @Parent() claim: ClaimType,
    @CurrentActor() actor: Actor,
    @Loaders() loaders: LoaderRegistry,
    @Args('includeSuperseded', { type: () => Boolean, nullable: true, defaultValue: false })
    includeSuperseded: boolean | null,
  ): Promise<AssessmentType[]> {
    return this.service.visibleAssessments(actor, claim, loaders, includeSuperseded === true);
  }

  @ResolveField(() => AssessmentType, {
    nullable: true,
    description:
      "The caller's current submission on this claim, or their draft while they have not submitted.",
  })
  async myAssessment(
    @Parent() claim: ClaimType,
    @CurrentActor() actor: Actor,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<AssessmentType | null> {
    const mine = await this.service.loaders(loaders, actor).mineByClaim().load(claim.id);
    return (
      mine.find((a) => a.status === 'SUBMITTED') ?? mine.find((a) => a.status === 'DRAFT') ?? null
    );
  }

  @ResolveField(() => AssessmentType, {
    nullable: true,
    description:
      "The caller's unsent correction: a draft saved after their submission (seen only by them); null when there is none.",
  })
  async myCorrectionDraft(
    @Parent() claim: ClaimType,
    @CurrentActor() actor: Actor,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<AssessmentType | null> {
    const mine = await this.service.loaders(loaders, actor).mineByClaim().load(claim.id);
    if (!mine.some((a) => a.status === 'SUBMITTED')) return null;
    return mine.find((a) => a.status === 'DRAFT') ?? null;
  }

  @ResolveField(() => DisagreementType, {
    nullable: true,
    description:
      'Whether the submitted assessments disagree; null while the caller may not see them (blind review).',
  })
  async disagreement(
    @Parent() claim: ClaimType,
    @CurrentActor() actor: Actor,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<DisagreementType | null> {
    const result = await this.service.disagreement(actor, claim, loaders);
    if (!result) return null;
    return {
      flagged: result.flagged,
      reasons: result.reasons.map((r) => ({
        code: r.code,
        message: r.message,
        assessmentIds: [...r.assessmentIds],
      })),
    };
  }

  @ResolveField(() => AdjudicationType, {
    nullable: true,
    description: 'The latest adjudication (kept, marked reopened, when the claim was reopened).',
  })
  adjudication(
    @Parent() claim: ClaimType,
    @CurrentActor() actor: Actor,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<AdjudicationType | null> {
    return this.service.loaders(loaders, actor).adjudicationByClaim().load(claim.id);
  }
}

@Resolver(() => AssignmentType)
export class AssignmentResolver {
  constructor(
    private readonly service: ReviewsService,
    private readonly claims: ClaimsService,
  ) {}

  @ResolveField(() => ClaimType)
  async claim(
    @Parent() assignment: AssignmentType,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<ClaimType> {
    const claim = await this.service
      .loaders(loaders, null)
      .claim(this.claims)
      .load(assignment.claimId);
    if (!claim) throw new NotFoundError('Claim', assignment.claimId);
    return claim;
  }

  // No parameter decorators: Nest binds such a field resolver directly (no per-call pipeline).
  @ResolveField(() => UserType)
  reviewer(
    assignment: AssignmentType,
    _args: unknown,
    context: RequestContext,
    info: GraphQLResolveInfo,
  ): UserType | Promise<UserType> {
    const loaders = this.service.loaders(loadersOf(context), null);
    const queue = loaders.reviewerForQueue();
    if (queue.isLoaded(assignment.reviewerId) && selectsOnly(info, QUEUE_REVIEWER_FIELDS))
      // Only QUEUE_REVIEWER_FIELDS are selected, and they read nothing but these columns.
      return queue.loadNow(assignment.reviewerId) as UserType;
    return whenLoaded(loaders.user(this.claims).loadNow(assignment.reviewerId), (user) => {
      if (!user) throw new NotFoundError('User', assignment.reviewerId);
      return user;
    });
  }

  @ResolveField(() => UserType, { nullable: true })
  assignedBy(
    @Parent() assignment: AssignmentType,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<UserType | null> {
    if (!assignment.assignedById) return Promise.resolve(null);
    return this.service.loaders(loaders, null).user(this.claims).load(assignment.assignedById);
  }
}

/** Only reachable for assessments the caller may see, so its fields need no further check. */
@Resolver(() => AssessmentType)
export class AssessmentResolver {
  constructor(
    private readonly service: ReviewsService,
    private readonly claims: ClaimsService,
  ) {}

  @ResolveField(() => ClaimType)
  async claim(
    @Parent() assessment: AssessmentType,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<ClaimType> {
    const claim = await this.service
      .loaders(loaders, null)
      .claim(this.claims)
      .load(assessment.claimId);
    if (!claim) throw new NotFoundError('Claim', assessment.claimId);
    return claim;
  }

  @ResolveField(() => UserType)
  async reviewer(
    @Parent() assessment: AssessmentType,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<UserType> {
    const user = await this.service
      .loaders(loaders, null)
      .user(this.claims)
      .load(assessment.reviewerId);
    if (!user) throw new NotFoundError('User', assessment.reviewerId);
    return user;
  }

  @ResolveField(() => [EvidenceType], { description: 'The evidence items relied on.' })
  evidence(
    @Parent() assessment: AssessmentType,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<EvidenceType[]> {
    return this.service.loaders(loaders, null).evidenceOf().load(assessment.id);
  }

  @ResolveField(() => AssessmentType, {
    nullable: true,
    description: 'The earlier submission this one corrects (same reviewer).',
  })
  async supersedes(
    @Parent() assessment: AssessmentType,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<AssessmentType | null> {
    if (!assessment.supersedesId) return null;
    return this.service.loaders(loaders, null).byId().load(assessment.supersedesId);
  }
}

@Resolver(() => AdjudicationType)
export class AdjudicationResolver {
  constructor(
    private readonly service: ReviewsService,
    private readonly claims: ClaimsService,
  ) {}

  @ResolveField(() => ClaimType)
  async claim(
    @Parent() adjudication: AdjudicationType,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<ClaimType> {
    const claim = await this.service
      .loaders(loaders, null)
      .claim(this.claims)
      .load(adjudication.claimId);
    if (!claim) throw new NotFoundError('Claim', adjudication.claimId);
    return claim;
  }

  @ResolveField(() => UserType, { nullable: true })
  adjudicatedBy(
    @Parent() adjudication: AdjudicationType,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<UserType | null> {
    if (!adjudication.adjudicatedById) return Promise.resolve(null);
    return this.service.loaders(loaders, null).user(this.claims).load(adjudication.adjudicatedById);
  }

  @ResolveField(() => [AssessmentType], {
    description: 'The assessments the decision cites (visible once the claim is VERIFIED).',
  })
  async citedAssessments(
    @Parent() adjudication: AdjudicationType,
    @CurrentActor() actor: Actor,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<AssessmentType[]> {
    const visible = [];
    for (const id of adjudication.citedAssessmentIds) {
      try {
        visible.push(await this.service.visibleAssessment(actor, id, loaders));
      } catch (error) {
        if (!(error instanceof NotFoundError)) throw error;
      }
    }
    return visible;
  }

  @ResolveField(() => [EvidenceType])
  async citedEvidence(
    @Parent() adjudication: AdjudicationType,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<EvidenceType[]> {
    const items = await this.service
      .loaders(loaders, null)
      .evidenceById()
      .loadMany(adjudication.citedEvidenceIds);
    return items.filter((e): e is EvidenceEntity => !!e && !(e instanceof Error));
  }
}

@Resolver(() => UserType)
export class UserLoadResolver {
  constructor(private readonly service: ReviewsService) {}

  @ResolveField(() => Int, {
    description:
      'Claims assigned to this user and not yet submitted or declined: their current review load.',
  })
  openAssignmentCount(
    @Parent() user: UserType,
    @CurrentActor() actor: Actor,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<number> {
    return this.service.loaders(loaders, actor).openLoad().load(user.id);
  }
}
