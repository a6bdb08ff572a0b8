import { Args, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { type GraphQLResolveInfo } from 'graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type ClaimEntity, ClaimPreloads, ClaimsService, ClaimType } from '@corroborate/api-claims';
import {
  DirectArgs,
  LoaderRegistry,
  Loaders,
  loadersOf,
  type RequestContext,
  selectionWithin,
  selectsOnly,
  whenLoaded,
} from '@corroborate/api-core';
import { corroborationOf, toCorroborationType } from './corroboration.mapper';
import { CorroborationType } from './dto/corroboration.type';
import { ClaimEvidenceArgs } from './dto/evidence.inputs';
import { EvidenceType } from './dto/evidence.type';
import { EvidenceLoaders, QUEUE_EVIDENCE_FIELDS, QUEUE_SOURCE_FIELDS } from './evidence.loaders';

/** The evidence side of a claim: its items, their count and the corroboration summary. */
@Resolver(() => ClaimType)
export class ClaimEvidenceResolver {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly claims: ClaimsService,
    preloads: ClaimPreloads,
  ) {
    // The queue's look-ahead: the claims' items, and their sources when a source or grade is
    // asked, with only the columns of a queue row when the selection needs no more.
    preloads.register(
      ['evidence', 'evidenceCount', 'corroboration'],
      async (page, node, registry) => {
        const loaders = this.loaders(registry);
        const ids = page.map((c) => c.id);
        const selected = node.get('evidence');
        const queueShaped =
          !node.has('corroboration') &&
          (!selected || selectionWithin(selected, QUEUE_EVIDENCE_FIELDS));
        if (!selected?.has('source') && !selected?.has('grade')) {
          await (queueShaped ? loaders.byClaimForQueue() : loaders.byClaim()).loadMany(ids);
          return;
        }
        // Items and their sources in one statement.
        const source = selected.get('source');
        await loaders.byClaimWithSources(
          ids,
          queueShaped,
          !source || selectionWithin(source, QUEUE_SOURCE_FIELDS),
        );
      },
    );
  }

  private loaders(registry: LoaderRegistry): EvidenceLoaders {
    return new EvidenceLoaders(registry, this.dataSource, this.claims);
  }

  // Bound directly by Nest (DirectArgs): no per-call pipeline for a field of every queue row.
  @ResolveField(() => [EvidenceType], {
    description: 'Evidence items of the claim, oldest first (not retracted ones unless asked).',
  })
  @DirectArgs()
  evidence(
    claim: ClaimEntity,
    @Args() { includeRetracted }: ClaimEvidenceArgs,
    context: RequestContext,
    info: GraphQLResolveInfo,
  ): EvidenceType[] | Promise<EvidenceType[]> {
    const items = this.loaders(loadersOf(context)).byClaimNow(
      claim.id,
      selectsOnly(info, QUEUE_EVIDENCE_FIELDS),
    );
    return whenLoaded(items, (all) => (includeRetracted ? all : all.filter((e) => !e.retracted)));
  }

  // No parameter decorators: Nest binds such a field resolver directly (no per-call pipeline).
  @ResolveField(() => Int, { description: 'Evidence items that are not retracted.' })
  evidenceCount(
    claim: ClaimEntity,
    _args: unknown,
    context: RequestContext,
  ): number | Promise<number> {
    // Whichever items the request loaded (retracted is a queue-row column).
    return whenLoaded(
      this.loaders(loadersOf(context)).byClaimNow(claim.id, true),
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
