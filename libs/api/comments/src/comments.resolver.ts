import {
  Args,
  GraphQLISODateTime,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import { ClaimsService, ClaimType, userLoader } from '@corroborate/api-claims';
import {
  type Actor,
  CurrentActor,
  LoaderRegistry,
  Loaders,
  Role,
  Roles,
} from '@corroborate/api-core';
import { UserType } from '@corroborate/api-users';
import { AddCommentInput, CommentType, EditCommentInput } from './dto/comment.dto';
import { CommentsService } from './comments.service';

@Resolver(() => CommentType)
export class CommentsResolver {
  constructor(
    private readonly service: CommentsService,
    private readonly claims: ClaimsService,
  ) {}

  @Roles(Role.ADMIN, Role.EDITOR, Role.REVIEWER)
  @Mutation(() => CommentType, {
    description:
      'Comments on a claim (or replies to one of its comments). Reviewers only on claims assigned to them. @mentions of active users notify them; BAD_USER_INPUT when a short @mention fits several people.',
  })
  addComment(
    @CurrentActor() actor: Actor,
    @Args('input') input: AddCommentInput,
  ): Promise<CommentType> {
    return this.service.add(actor, input);
  }

  @Roles(Role.ADMIN, Role.EDITOR, Role.REVIEWER)
  @Mutation(() => CommentType, {
    description:
      'Rewrites a comment: only its author, only within the edit window after posting (FORBIDDEN afterwards). Audited with the text before and after; newly mentioned people are notified.',
  })
  editComment(
    @CurrentActor() actor: Actor,
    @Args('input') input: EditCommentInput,
  ): Promise<CommentType> {
    return this.service.edit(actor, input.id, input.body);
  }

  @Roles(Role.ADMIN, Role.EDITOR, Role.REVIEWER)
  @Query(() => [UserType], {
    description: 'Active users who can be @mentioned, by name or email (at most 20).',
  })
  mentionableUsers(
    @Args('search', { type: () => String, nullable: true }) search: string | null,
  ): Promise<UserType[]> {
    return this.service.mentionable(search?.slice(0, 200) ?? null);
  }

  @ResolveField(() => UserType)
  async author(
    @Parent() comment: CommentType,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<UserType> {
    const user = await userLoader(loaders, this.claims).load(comment.authorId);
    if (!user) throw new Error(`Comment ${comment.id} has no author`);
    return user;
  }

  @ResolveField(() => [UserType], { description: 'People the comment mentions.' })
  mentions(
    @Parent() comment: CommentType,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<UserType[]> {
    return this.service.mentionsLoader(loaders).load(comment.id);
  }

  @ResolveField(() => GraphQLISODateTime, {
    description: 'Until when its author may still edit it.',
  })
  editableUntil(@Parent() comment: CommentType): Date {
    return this.service.editableUntil(comment);
  }

  @ResolveField(() => Boolean, { description: 'Whether the caller may edit it now.' })
  canEdit(@Parent() comment: CommentType, @CurrentActor() actor: Actor): boolean {
    return this.service.canEdit(actor, comment);
  }
}

@Resolver(() => ClaimType)
export class ClaimCommentsResolver {
  constructor(private readonly service: CommentsService) {}

  @ResolveField(() => [CommentType], {
    description: 'Comments on the claim, oldest first (threads via parentId).',
  })
  comments(@Parent() claim: ClaimType, @Loaders() loaders: LoaderRegistry): Promise<CommentType[]> {
    return this.service.byClaimLoader(loaders).load(claim.id);
  }
}
