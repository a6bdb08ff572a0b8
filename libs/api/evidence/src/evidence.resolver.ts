import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { type GraphQLResolveInfo } from 'graphql';
import { DataSource } from 'typeorm';
import { ClaimsService, ClaimType } from '@corroborate/api-claims';
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
  selectsOnly,
  whenLoaded,
} from '@corroborate/api-core';
import { formatGrade, type Credibility } from '@corroborate/domain';
import { SourceType } from '@corroborate/api-sources';
import { UserType } from '@corroborate/api-users';
import { AddEvidenceInput, RetractEvidenceInput, UpdateEvidenceInput } from './dto/evidence.inputs';
import { EvidenceType, QuantityType, TextQuoteAnchorType } from './dto/evidence.type';
import { type EvidenceEntity } from './evidence.entity';
import { EvidenceLoaders, QUEUE_SOURCE_FIELDS } from './evidence.loaders';
import { EvidenceService } from './evidence.service';

@Resolver(() => EvidenceType)
export class EvidenceResolver {
  constructor(
    private readonly service: EvidenceService,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly claims: ClaimsService,
  ) {}

  private loaders(registry: LoaderRegistry): EvidenceLoaders {
    return new EvidenceLoaders(registry, this.dataSource, this.claims);
  }

  @Roles(...ALL_ROLES)
  @Query(() => EvidenceType)
  evidenceItem(@Args('id', { type: () => ID }, idPipe('id')) id: string): Promise<EvidenceType> {
    return this.service.get(id);
  }

  @Roles(Role.ADMIN, Role.EDITOR, Role.REVIEWER)
  @Mutation(() => EvidenceType, {
    description:
      'Attaches an evidence item to a claim, from a registry source (sourceId) or a new one (newSource).',
  })
  async addEvidence(
    @CurrentActor() actor: Actor,
    @Loaders() registry: LoaderRegistry,
    @Args('input') input: AddEvidenceInput,
  ): Promise<EvidenceType> {
    const item = await this.service.add(actor, input);
    registry.clear();
    return item;
  }

  @Roles(Role.ADMIN, Role.EDITOR, Role.REVIEWER)
  @Mutation(() => EvidenceType, {
    description:
      "Edits an evidence item (its adder, an editor or an admin); refused once retracted. A new or changed anchor must be found in the text of the item's newest capture when it has text (BAD_USER_INPUT on anchor.exact, anchor.prefix or anchor.suffix otherwise).",
  })
  async updateEvidence(
    @CurrentActor() actor: Actor,
    @Loaders() registry: LoaderRegistry,
    @Args('input') input: UpdateEvidenceInput,
  ): Promise<EvidenceType> {
    const item = await this.service.update(actor, input);
    registry.clear();
    return item;
  }

  @Roles(Role.ADMIN, Role.EDITOR, Role.REVIEWER)
  @Mutation(() => EvidenceType, {
    description:
      'Retracts an evidence item with a reason. It stays on record (and in the history) but no longer counts.',
  })
  async retractEvidence(
    @CurrentActor() actor: Actor,
    @Loaders() registry: LoaderRegistry,
    @Args('input') input: RetractEvidenceInput,
  ): Promise<EvidenceType> {
    const item = await this.service.retract(actor, input);
    registry.clear();
    return item;
  }

  @ResolveField(() => ClaimType)
  async claim(
    @Parent() item: EvidenceEntity,
    @Loaders() registry: LoaderRegistry,
  ): Promise<ClaimType> {
    const claim = await this.loaders(registry).claim().load(item.claimId);
    if (!claim) throw new NotFoundError('Claim', item.claimId);
    return claim as unknown as ClaimType;
  }

  // source and grade take no parameter decorators: Nest binds them directly (no per-call
  // pipeline), and they answer synchronously when the queue's look-ahead loaded the sources.
  @ResolveField(() => SourceType)
  source(
    item: EvidenceEntity,
    _args: unknown,
    context: RequestContext,
    info: GraphQLResolveInfo,
  ): SourceType | Promise<SourceType> {
    return whenLoaded(
      this.loaders(loadersOf(context)).sourceNow(
        item.sourceId,
        selectsOnly(info, QUEUE_SOURCE_FIELDS),
      ),
      (source) => {
        if (!source) throw new NotFoundError('Source', item.sourceId);
        return source;
      },
    );
  }

  @ResolveField(() => String, { description: 'Source reliability + item credibility, e.g. "B2".' })
  grade(item: EvidenceEntity, _args: unknown, context: RequestContext): string | Promise<string> {
    // Whichever source the request loaded (reliability is a queue-row column).
    return whenLoaded(this.loaders(loadersOf(context)).sourceNow(item.sourceId, true), (source) =>
      formatGrade(source?.reliability ?? 'F', item.credibility as Credibility),
    );
  }

  @ResolveField(() => EvidenceType, { nullable: true })
  async derivedFrom(
    @Parent() item: EvidenceEntity,
    @Loaders() registry: LoaderRegistry,
  ): Promise<EvidenceType | null> {
    if (!item.derivedFromId) return null;
    return this.loaders(registry).byId().load(item.derivedFromId);
  }

  @ResolveField(() => UserType, { nullable: true })
  async addedBy(
    @Parent() item: EvidenceEntity,
    @Loaders() registry: LoaderRegistry,
  ): Promise<UserType | null> {
    if (!item.addedById) return null;
    return this.loaders(registry).user().load(item.addedById);
  }

  @ResolveField(() => QuantityType, { nullable: true })
  quantity(@Parent() item: EvidenceEntity): QuantityType | null {
    if (item.quantityMin === null || item.quantityUnit === null) return null;
    return {
      min: item.quantityMin,
      max: item.quantityMax,
      unit: item.quantityUnit,
      asOf: item.quantityAsOf,
    };
  }

  @ResolveField(() => TextQuoteAnchorType, { nullable: true })
  anchor(@Parent() item: EvidenceEntity): TextQuoteAnchorType | null {
    if (item.anchorExact === null) return null;
    return { prefix: item.anchorPrefix, exact: item.anchorExact, suffix: item.anchorSuffix };
  }
}
