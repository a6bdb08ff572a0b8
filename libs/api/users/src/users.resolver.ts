import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { type Actor, CurrentActor, idPipe, Role, Roles } from '@corroborate/api-core';
import { CreateUserInput, ResetUserPasswordInput, UpdateUserRoleInput } from './dto/user.inputs';
import { UserType } from './dto/user.type';
import { UsersService } from './users.service';

const userIdPipe = idPipe('userId');

@Resolver(() => UserType)
export class UsersResolver {
  constructor(private readonly service: UsersService) {}

  @Roles(Role.ADMIN)
  @Query(() => [UserType], { description: 'Every user, for administration.' })
  users(): Promise<UserType[]> {
    return this.service.list();
  }

  @Roles(Role.ADMIN, Role.EDITOR)
  @Query(() => [UserType], { description: 'Active reviewers, for assigning claims.' })
  reviewers(): Promise<UserType[]> {
    return this.service.activeReviewers();
  }

  @Roles(Role.ADMIN)
  @Mutation(() => UserType)
  createUser(
    @CurrentActor() actor: Actor,
    @Args('input') input: CreateUserInput,
  ): Promise<UserType> {
    return this.service.create(actor, input);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => UserType)
  updateUserRole(
    @CurrentActor() actor: Actor,
    @Args('input') input: UpdateUserRoleInput,
  ): Promise<UserType> {
    return this.service.updateRole(actor, input.userId, input.role);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => UserType, {
    description: 'Stops the user signing in; their sessions end at once.',
  })
  deactivateUser(
    @CurrentActor() actor: Actor,
    @Args('userId', { type: () => ID }, userIdPipe) userId: string,
  ): Promise<UserType> {
    return this.service.setActive(actor, userId, false);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => UserType)
  reactivateUser(
    @CurrentActor() actor: Actor,
    @Args('userId', { type: () => ID }, userIdPipe) userId: string,
  ): Promise<UserType> {
    return this.service.setActive(actor, userId, true);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => UserType, { description: "Sets a new password and ends the user's sessions." })
  resetUserPassword(
    @CurrentActor() actor: Actor,
    @Args('input') input: ResetUserPasswordInput,
  ): Promise<UserType> {
    return this.service.resetPassword(actor, input.userId, input.newPassword);
  }
}
