import {
  ArgsType,
  Field,
  GraphQLISODateTime,
  ID,
  InputType,
  Int,
  ObjectType,
} from '@nestjs/graphql';
import {
  ArrayMaxSize,
  IsDate,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Type } from 'class-transformer';
import { PageInfoType } from '@corroborate/api-core';
import { AuditEventType } from './audit-event.type';

const pageRule = 'first must be a whole number from 1 to 200.';

/** Which audit events the organisation's activity log shows (every given condition holds). */
@InputType()
export class ActivityFilter {
  @Field(() => [String], {
    nullable: true,
    description: 'Any of these actions, e.g. auth.sign_in_failed, claim.created.',
  })
  @IsOptional()
  @ArrayMaxSize(50, { message: 'actions must list at most 50 actions.' })
  @IsString({ each: true, message: 'each action must be text.' })
  @MaxLength(60, { each: true, message: 'an action is at most 60 characters.' })
  actions?: string[] | null;

  @Field(() => ID, { nullable: true, description: 'Done by this user.' })
  @IsOptional()
  @IsUUID('all', { message: 'actorId must be a user id (a UUID).' })
  actorId?: string | null;

  @Field(() => String, { nullable: true, description: 'On this kind of record, e.g. Claim, User.' })
  @IsOptional()
  @IsString()
  @MaxLength(40, { message: 'entityType is at most 40 characters.' })
  entityType?: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'At or after this time.' })
  @IsOptional()
  @IsDate({ message: 'from must be a date and time.' })
  from?: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'At or before this time.' })
  @IsOptional()
  @IsDate({ message: 'to must be a date and time.' })
  to?: Date | null;
}

@ArgsType()
export class ActivityArgs {
  @Field(() => ActivityFilter, { nullable: true, defaultValue: {} })
  @IsOptional()
  @ValidateNested()
  @Type(() => ActivityFilter)
  filter?: ActivityFilter | null;

  @Field(() => Int, { nullable: true, defaultValue: 50 })
  @IsOptional()
  @IsInt({ message: pageRule })
  @Min(1, { message: pageRule })
  @Max(200, { message: pageRule })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'The endCursor of the page before.' })
  @IsOptional()
  @IsString()
  @MaxLength(1000, { message: 'after is not a cursor from this list.' })
  after?: string | null;
}

@ObjectType('AuditEventEdge')
export class AuditEventEdgeType {
  @Field()
  cursor: string;

  @Field(() => AuditEventType)
  node: AuditEventType;
}

@ObjectType('AuditEventConnection')
export class AuditEventConnectionType {
  @Field(() => [AuditEventEdgeType])
  edges: AuditEventEdgeType[];

  @Field(() => PageInfoType)
  pageInfo: PageInfoType;
}
