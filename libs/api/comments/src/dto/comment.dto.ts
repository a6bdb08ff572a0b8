import { Field, GraphQLISODateTime, ID, InputType, ObjectType } from '@nestjs/graphql';
import { IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { Trim } from '@corroborate/api-core';

export const MAX_COMMENT = 10_000;
const bodyRule = `body must be between 1 and ${MAX_COMMENT} characters.`;

/** author, mentions, canEdit and editableUntil are resolved by CommentResolver. */
@ObjectType('Comment', {
  description:
    'A comment on a claim. Threads: parentId is the comment replied to. Editable by its author for a short window after posting, then fixed.',
})
export class CommentType {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  claimId: string;

  @Field(() => ID, { nullable: true })
  parentId: string | null;

  authorId: string;

  @Field()
  body: string;

  @Field(() => GraphQLISODateTime)
  createdAt: Date;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the text last changed.' })
  editedAt: Date | null;
}

@InputType()
export class AddCommentInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'claimId must be an id (a UUID).' })
  claimId: string;

  @Field(() => ID, { nullable: true, description: 'The comment this replies to (same claim).' })
  @IsOptional()
  @IsUUID('all', { message: 'parentId must be an id (a UUID).' })
  parentId?: string | null;

  @Field({
    description:
      'The text. Mention someone with @ and their email address, or the part before the @ when it is unique (e.g. @rita).',
  })
  @Trim()
  @IsString({ message: bodyRule })
  @Length(1, MAX_COMMENT, { message: bodyRule })
  body: string;
}

@InputType()
export class EditCommentInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'id must be an id (a UUID).' })
  id: string;

  @Field()
  @Trim()
  @IsString({ message: bodyRule })
  @Length(1, MAX_COMMENT, { message: bodyRule })
  body: string;
}
