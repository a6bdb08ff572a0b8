import { Args, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ClaimsService } from '@corroborate/api-claims';
import { LoaderRegistry, Loaders } from '@corroborate/api-core';
import { type SourceEntity, SourceType } from '@corroborate/api-sources';
import { EvidenceType } from './dto/evidence.type';
import { EvidenceLoaders } from './evidence.loaders';

/** Every claim a source is evidence for (product spec, source registry). */
@Resolver(() => SourceType)
export class SourceEvidenceResolver {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly claims: ClaimsService,
  ) {}

  @ResolveField(() => [EvidenceType], {
    description:
      'Evidence items from this source (not retracted ones unless asked), newest first, with their claims.',
  })
  async evidence(
    @Parent() source: SourceEntity,
    @Loaders() registry: LoaderRegistry,
    @Args('includeRetracted', { type: () => Boolean, nullable: true, defaultValue: false })
    includeRetracted: boolean | null,
  ): Promise<EvidenceType[]> {
    const all = await new EvidenceLoaders(registry, this.dataSource, this.claims)
      .bySource()
      .load(source.id);
    return includeRetracted ? all : all.filter((e) => !e.retracted);
  }

  @ResolveField(() => Int, {
    description: 'Evidence items from this source that are not retracted.',
  })
  async evidenceCount(
    @Parent() source: SourceEntity,
    @Loaders() registry: LoaderRegistry,
  ): Promise<number> {
    return new EvidenceLoaders(registry, this.dataSource, this.claims)
      .countBySource()
      .load(source.id);
  }
}
