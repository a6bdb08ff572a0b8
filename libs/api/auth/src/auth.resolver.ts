import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import {
  type Actor,
  ALL_ROLES,
  CurrentActor,
  GqlContext,
  idPipe,
  Public,
  type RequestContext,
  Roles,
} from '@corroborate/api-core';
import { ChangeMyPasswordInput, UsersService, UserType } from '@corroborate/api-users';
import { AuthService } from './auth.service';
import {
  ApiTokenPayload,
  ApiTokenType,
  CreateApiTokenInput,
  SignInInput,
  SignInPayload,
} from './dto/auth.types';

@Resolver()
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  @Public()
  @Mutation(() => SignInPayload, { description: 'Signs in and sets the session cookie.' })
  async signIn(
    @GqlContext() ctx: RequestContext,
    @Args('input') input: SignInInput,
  ): Promise<SignInPayload> {
    const user = await this.auth.signIn(ctx.req, ctx.res, input.email, input.password);
    return { user };
  }

  @Roles(...ALL_ROLES)
  @Mutation(() => Boolean, { description: 'Ends this session.' })
  async signOut(@CurrentActor() actor: Actor, @GqlContext() ctx: RequestContext): Promise<boolean> {
    await this.auth.signOut(actor, ctx.res);
    return true;
  }

  @Roles(...ALL_ROLES)
  @Mutation(() => Boolean, { description: 'Ends every session and API token of the caller.' })
  async signOutEverywhere(
    @CurrentActor() actor: Actor,
    @GqlContext() ctx: RequestContext,
  ): Promise<boolean> {
    await this.auth.signOutEverywhere(actor, ctx.res);
    return true;
  }

  @Roles(...ALL_ROLES)
  @Mutation(() => Boolean, {
    description:
      "Changes the caller's password (the current one is required); their other browser sessions end, this one and their API tokens go on.",
  })
  async changeMyPassword(
    @CurrentActor() actor: Actor,
    @GqlContext() ctx: RequestContext,
    @Args('input') input: ChangeMyPasswordInput,
  ): Promise<boolean> {
    await this.auth.changePassword(ctx.req, actor, input.currentPassword, input.newPassword);
    return true;
  }

  @Roles(...ALL_ROLES)
  @Query(() => UserType, { description: 'The signed-in user.' })
  me(@CurrentActor() actor: Actor): Promise<UserType> {
    return this.users.get(actor.id);
  }

  @Roles(...ALL_ROLES)
  @Query(() => [ApiTokenType], { description: "The caller's API tokens (never their secrets)." })
  async apiTokens(@CurrentActor() actor: Actor): Promise<ApiTokenType[]> {
    const tokens = await this.auth.listApiTokens(actor);
    return tokens.map((t) => ({ ...t, name: t.name ?? '' }));
  }

  @Roles(...ALL_ROLES)
  @Mutation(() => ApiTokenPayload)
  async createApiToken(
    @CurrentActor() actor: Actor,
    @Args('input') input: CreateApiTokenInput,
  ): Promise<ApiTokenPayload> {
    const { token, apiToken } = await this.auth.createApiToken(
      actor,
      input.name,
      input.expiresInDays,
    );
    return { token, apiToken: { ...apiToken, name: apiToken.name ?? '' } };
  }

  @Roles(...ALL_ROLES)
  @Mutation(() => Boolean)
  async revokeApiToken(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }, idPipe('id')) id: string,
  ): Promise<boolean> {
    await this.auth.revokeApiToken(actor, id);
    return true;
  }
}
