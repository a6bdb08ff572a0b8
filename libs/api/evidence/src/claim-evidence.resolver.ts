import { Args, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type ClaimEntity, ClaimPreloads, ClaimsService, ClaimType } from '@corroborate/api-claims';
import {
  LoaderRegistry,
  Loaders,
  loadersOf,
  type RequestContext,
  whenLoaded,
} from '@corroborate/api-core';
import { corroborationOf, toCorroborationType } from './corroboration.mapper';
import { CorroborationType } from './dto/corroboration.type';
import { EvidenceType } from './dto/evidence.type';
import { EvidenceLoaders } from './evidence.loaders';

/** The evidence side of a claim: its items, their count and the corroboration summary. */
@Resolver(() => ClaimType)
export class ClaimEvidenceResolver {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly claims: ClaimsService,
    preloads: ClaimPreloads,
  ) {
    // The queue's look-ahead: a claim's items, and their sources when a source or grade is asked.
    const preloadEvidence = async (
      claims: readonly ClaimEntity[],
      wantsSources: boolean,
      registry: LoaderRegistry,
    ) => {
      const loaders = this.loaders(registry);
      const lists = await loaders.byClaim().loadMany(claims.map((c) => c.id));
      if (!wantsSources) return;
      const items = lists.flatMap((list) => (list instanceof Error ? [] : list));
      await loaders.source().loadMany([...new Set(items.map((e) => e.sourceId))]);
    };
    preloads.register('evidence', (claims, selection, registry) =>
      preloadEvidence(claims, selection.has('source') || selection.has('grade'), registry),
    );
    preloads.register('evidenceCount', (claims, _selection, registry) =>
      preloadEvidence(claims, false, registry),
    );
  }

  private loaders(registry: LoaderRegistry): EvidenceLoaders {
    return new EvidenceLoaders(registry, this.dataSource, this.claims);
  }

  @ResolveField(() => [EvidenceType], {
    description: 'Evidence items of the claim, oldest first (not retracted ones unless asked).',
  })
  evidence(
    @Parent() claim: ClaimEntity,
    @Loaders() registry: LoaderRegistry,
    @Args('includeRetracted', { type: () => Boolean, nullable: true, defaultValue: false })
    includeRetracted: boolean | null,
  ): EvidenceType[] | Promise<EvidenceType[]> {
    return whenLoaded(this.loaders(registry).byClaim().loadNow(claim.id), (all) =>
      includeRetracted ? all : all.filter((e) => !e.retracted),
    );
  }

  // No parameter decorators: Nest binds such a field resolver directly (no per-call pipeline).
  @ResolveField(() => Int, { description: 'Evidence items that are not retracted.' })
  evidenceCount(
    claim: ClaimEntity,
    _args: unknown,
    context: RequestContext,
  ): number | Promise<number> {
    return whenLoaded(
      this.loaders(loadersOf(context)).byClaim().loadNow(claim.id),
      (all) => all.filter((e) => !e.retracted).length,
    );
  }

  @ResolveField(() => CorroborationType)
  async corroboration(
    @Parent() claim: ClaimEntity,
    @Loaders() registry: LoaderRegistry,
  ): Promise<CorroborationType> {
    const loaders = this.loaders(registry);
    const all = await loaders.byClaim().load(claim.id);
    const sources = await loaders.sourcesOf(all);
    return toCorroborationType(corroborationOf(all, sources), all);
  }
}
