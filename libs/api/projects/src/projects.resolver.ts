import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { type Actor, ALL_ROLES, CurrentActor, idPipe, Role, Roles } from '@corroborate/api-core';
import { CreateProjectInput, UpdateProjectInput } from './dto/project.inputs';
import { ProjectType } from './dto/project.type';
import { ProjectsService } from './projects.service';

@Resolver(() => ProjectType)
export class ProjectsResolver {
  constructor(private readonly service: ProjectsService) {}

  @Roles(...ALL_ROLES)
  @Query(() => [ProjectType])
  projects(): Promise<ProjectType[]> {
    return this.service.list();
  }

  @Roles(...ALL_ROLES)
  @Query(() => ProjectType)
  project(@Args('id', { type: () => ID }, idPipe('id')) id: string): Promise<ProjectType> {
    return this.service.get(id);
  }

  @Roles(Role.ADMIN, Role.EDITOR)
  @Mutation(() => ProjectType)
  createProject(
    @CurrentActor() actor: Actor,
    @Args('input') input: CreateProjectInput,
  ): Promise<ProjectType> {
    return this.service.create(actor, input);
  }

  @Roles(Role.ADMIN, Role.EDITOR)
  @Mutation(() => ProjectType, {
    description: 'Renames a project or changes its description or required reviews.',
  })
  updateProject(
    @CurrentActor() actor: Actor,
    @Args('input') input: UpdateProjectInput,
  ): Promise<ProjectType> {
    return this.service.update(actor, input.projectId, input);
  }
}
