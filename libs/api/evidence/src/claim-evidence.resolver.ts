import { Args, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type ClaimEntity, ClaimsService, ClaimType } from '@corroborate/api-claims';
import { LoaderRegistry, Loaders } from '@corroborate/api-core';
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
  ) {}

  @ResolveField(() => [EvidenceType], {
    description: 'Evidence items of the claim, oldest first (not retracted ones unless asked).',
  })
  async evidence(
    @Parent() claim: ClaimEntity,
    @Loaders() registry: LoaderRegistry,
    @Args('includeRetracted', { type: () => Boolean, nullable: true, defaultValue: false })
    includeRetracted: boolean | null,
  ): Promise<EvidenceType[]> {
    const all = await new EvidenceLoaders(registry, this.dataSource, this.claims)
      .byClaim()
      .load(claim.id);
    return includeRetracted ? all : all.filter((e) => !e.retracted);
  }

  @ResolveField(() => Int, { description: 'Evidence items that are not retracted.' })
  async evidenceCount(
    @Parent() claim: ClaimEntity,
    @Loaders() registry: LoaderRegistry,
  ): Promise<number> {
    const all = await new EvidenceLoaders(registry, this.dataSource, this.claims)
      .byClaim()
      .load(claim.id);
    return all.filter((e) => !e.retracted).length;
  }

  @ResolveField(() => CorroborationType)
  async corroboration(
    @Parent() claim: ClaimEntity,
    @Loaders() registry: LoaderRegistry,
  ): Promise<CorroborationType> {
    const loaders = new EvidenceLoaders(registry, this.dataSource, this.claims);
    const all = await loaders.byClaim().load(claim.id);
    const sources = await loaders.sourcesOf(all);
    return toCorroborationType(corroborationOf(all, sources), all);
  }
}
