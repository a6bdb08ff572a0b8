import {
  Args,
  Context,
  ID,
  Info,
  Int,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import { type GraphQLResolveInfo } from 'graphql';
import { AuditEventType } from '@corroborate/api-audit';
import {
  type Actor,
  ALL_ROLES,
  CurrentActor,
  idPipe,
  LoaderRegistry,
  Loaders,
  loadersOf,
  NotFoundError,
  type RequestContext,
  Role,
  Roles,
  selectionAt,
  selectionOf,
  whenLoaded,
} from '@corroborate/api-core';
import { ProjectType } from '@corroborate/api-projects';
import { UserType } from '@corroborate/api-users';
import { allowedTransitions } from '@corroborate/domain';
import { ClaimStatus } from './dto/claim.enums';
import {
  ClaimsArgs,
  CreateClaimInput,
  RejectClaimInput,
  UpdateClaimInput,
} from './dto/claim.inputs';
import { ClaimConnectionType, ClaimFacetsType, ClaimType } from './dto/claim.type';
import { type ClaimEntity } from './claim.entity';
import { ClaimPreloads } from './claim-preloads';
import { claimHistoryLoader, claimLoader, projectLoader, userLoader } from './claims.loaders';
import { ClaimsRepository } from './claims.repository';
import { ClaimsService } from './claims.service';

@Resolver(() => ClaimType)
export class ClaimsResolver {
  constructor(
    private readonly service: ClaimsService,
    private readonly repository: ClaimsRepository,
    private readonly preloads: ClaimPreloads,
  ) {}

  /**
   * The page, then, looking ahead at what the request selects, the counts and what the selected
   * Claim fields will load (ClaimPreloads), all started at once; the field resolvers then find
   * their values loaded and graphql-js completes the rows without a promise per field.
   */
  @Roles(...ALL_ROLES)
  @Query(() => ClaimConnectionType, { description: 'The claim queue: filtered, sorted, paged.' })
  async claims(
    @Args() args: ClaimsArgs,
    @CurrentActor() actor: Actor,
    @Context() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ClaimConnectionType> {
    const now = new Date();
    const selection = selectionOf(info);
    const node = selectionAt(selection, 'edges', 'node');
    const loaders = loadersOf(context);
    // The claims' projects come with the page (one statement) when Claim.project is selected.
    const { projects, ...page } = await this.repository.page(
      { ...args, actor, withProjects: node.has('project') },
      now,
    );
    if (projects) {
      const byId = projectLoader(loaders, this.service);
      for (const project of projects) byId.prime(project.id, project);
    }
    let counts: ReturnType<ClaimConnectionType['counts']> | null = null;
    const connection: ClaimConnectionType = {
      ...page,
      counts: () => (counts ??= this.repository.counts(args.filter, now, actor)),
    };
    const countsAsked = selection.has('totalCount') || selection.has('facets');
    await Promise.all([
      countsAsked ? connection.counts().catch(() => undefined) : undefined,
      this.preloads.preload(
        page.edges.map((e) => e.node),
        node,
        loaders,
      ),
    ]);
    return connection;
  }

  @Roles(...ALL_ROLES)
  @Query(() => ClaimType)
  claim(@Args('id', { type: () => ID }, idPipe('id')) id: string): Promise<ClaimType> {
    return this.service.get(id);
  }

  @Roles(Role.ADMIN, Role.EDITOR)
  @Mutation(() => ClaimType)
  createClaim(
    @CurrentActor() actor: Actor,
    @Args('input') input: CreateClaimInput,
  ): Promise<ClaimType> {
    return this.service.create(actor, input);
  }

  @Roles(Role.ADMIN, Role.EDITOR)
  @Mutation(() => ClaimType, {
    description:
      'Edits a claim. CONFLICT when expectedVersion is stale (extensions: currentVersion, changedFields) or the claim is VERIFIED/REJECTED.',
  })
  updateClaim(
    @CurrentActor() actor: Actor,
    @Args('input') input: UpdateClaimInput,
  ): Promise<ClaimType> {
    return this.service.update(actor, input.claimId, input);
  }

  @Roles(Role.ADMIN, Role.EDITOR)
  @Mutation(() => ClaimType, {
    description:
      'Rejects a NEW or IN_REVIEW claim (not check-worthy, or a duplicate: duplicateOfId links it to another claim of the same project) with a reason.',
  })
  rejectClaim(
    @CurrentActor() actor: Actor,
    @Args('input') input: RejectClaimInput,
  ): Promise<ClaimType> {
    return this.service.reject(
      actor,
      input.claimId,
      input.expectedVersion,
      input.reason,
      input.duplicateOfId ?? null,
    );
  }

  // No parameter decorators: Nest binds such a field resolver directly (no per-call pipeline).
  @ResolveField(() => ProjectType)
  project(
    claim: ClaimEntity,
    _args: unknown,
    context: RequestContext,
  ): ProjectType | Promise<ProjectType> {
    return whenLoaded(
      projectLoader(loadersOf(context), this.service).loadNow(claim.projectId),
      (project) => {
        if (!project) throw new NotFoundError('Project', claim.projectId);
        return project;
      },
    );
  }

  @ResolveField(() => UserType, { nullable: true })
  async createdBy(
    @Parent() claim: ClaimType,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<UserType | null> {
    if (!claim.createdById) return null;
    return userLoader(loaders, this.service).load(claim.createdById);
  }

  @ResolveField(() => [ClaimStatus], {
    description:
      'Statuses the workflow allows from here (whether the caller may trigger them is a separate matter).',
  })
  allowedTransitions(@Parent() claim: ClaimType): ClaimStatus[] {
    return allowedTransitions(claim.status);
  }

  @ResolveField(() => [AuditEventType], {
    description: 'Every change to the claim and its evidence, oldest first.',
  })
  async history(
    @Parent() claim: ClaimType,
    @Loaders() loaders: LoaderRegistry,
    @CurrentActor() actor: Actor | null,
  ): Promise<AuditEventType[]> {
    const events = await claimHistoryLoader(loaders, this.service).load(claim.id);
    return this.service.visibleHistory(actor, claim, events, loaders);
  }

  @ResolveField(() => ClaimType, {
    nullable: true,
    description: 'The claim this one was rejected as a duplicate of.',
  })
  duplicateOf(
    @Parent() claim: ClaimType,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<ClaimType | null> {
    if (!claim.duplicateOfId) return Promise.resolve(null);
    return claimLoader(loaders, this.service).load(claim.duplicateOfId);
  }
}

@Resolver(() => ClaimConnectionType)
export class ClaimConnectionResolver {
  @ResolveField(() => Int)
  async totalCount(connection: ClaimConnectionType): Promise<number> {
    return (await connection.counts()).totalCount;
  }

  @ResolveField(() => ClaimFacetsType, {
    description:
      'Counts per status / priority / topic for the current filter (each facet ignores its own filter).',
  })
  async facets(connection: ClaimConnectionType): Promise<ClaimFacetsType> {
    return (await connection.counts()).facets;
  }
}

/** AuditEvent.actor lives here because libs/api/users depends on libs/api/audit, not the reverse. */
@Resolver(() => AuditEventType)
export class AuditEventResolver {
  constructor(private readonly service: ClaimsService) {}

  @ResolveField(() => UserType, { nullable: true })
  async actor(
    @Parent() event: AuditEventType,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<UserType | null> {
    if (!event.actorId) return null;
    return userLoader(loaders, this.service).load(event.actorId);
  }
}
