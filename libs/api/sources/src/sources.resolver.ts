import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AuditEventType } from '@corroborate/api-audit';
import {
  type Actor,
  ALL_ROLES,
  CurrentActor,
  idPipe,
  LoaderRegistry,
  Loaders,
  Role,
  Roles,
} from '@corroborate/api-core';
import {
  CreateSourceInput,
  RegradeSourceInput,
  SourcesArgs,
  UpdateSourceInput,
} from './dto/source.inputs';
import { SourceConnectionType, SourceType } from './dto/source.type';
import { SourcesService } from './sources.service';

@Resolver(() => SourceType)
export class SourcesResolver {
  constructor(private readonly service: SourcesService) {}

  @Roles(...ALL_ROLES)
  @Query(() => SourceConnectionType, {
    description: 'The source registry by name; `search` matches any part of the name, any case.',
  })
  sources(@Args() args: SourcesArgs): Promise<SourceConnectionType> {
    return this.service.list(args);
  }

  @Roles(...ALL_ROLES)
  @Query(() => SourceType)
  source(@Args('id', { type: () => ID }, idPipe('id')) id: string): Promise<SourceType> {
    return this.service.get(id);
  }

  @Roles(Role.ADMIN, Role.EDITOR, Role.REVIEWER)
  @Mutation(() => SourceType)
  createSource(
    @CurrentActor() actor: Actor,
    @Args('input') input: CreateSourceInput,
  ): Promise<SourceType> {
    return this.service.create(actor, input);
  }

  @Roles(Role.ADMIN, Role.EDITOR)
  @Mutation(() => SourceType, { description: 'Renames a source or changes its kind or homepage.' })
  updateSource(
    @CurrentActor() actor: Actor,
    @Args('input') input: UpdateSourceInput,
  ): Promise<SourceType> {
    return this.service.update(actor, input.sourceId, input);
  }

  @Roles(Role.ADMIN, Role.EDITOR)
  @Mutation(() => SourceType, {
    description: 'Changes the reliability grade of a source; the reason is kept in its history.',
  })
  regradeSource(
    @CurrentActor() actor: Actor,
    @Args('input') input: RegradeSourceInput,
  ): Promise<SourceType> {
    return this.service.regrade(actor, input.sourceId, input);
  }

  @ResolveField(() => [AuditEventType], {
    description: 'Every change to the source, oldest first.',
  })
  history(
    @Parent() source: SourceType,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<AuditEventType[]> {
    return loaders
      .get<string, AuditEventType[]>('Source.history', (ids) => this.service.histories(ids))
      .load(source.id);
  }
}
