import { ArgsType, Field, GraphQLISODateTime, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDate,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsHttpUrl, Trim } from '@corroborate/api-core';
import { ClaimSort, ClaimStatus, Priority } from './claim.enums';

export const MAX_CLAIM_TEXT = 5000;
export const MAX_TOPICS = 20;
export const MAX_TOPIC_LENGTH = 80;

const textRule = `Claim text must be between 1 and ${MAX_CLAIM_TEXT} characters.`;
const claimantRule = 'claimant must be at most 300 characters.';
const topicsRule = `topics must list at most ${MAX_TOPICS} topics.`;
const topicRule = `Each topic must be between 1 and ${MAX_TOPIC_LENGTH} characters.`;
const priorityRule = `priority must be one of ${Object.keys(Priority).join(', ')}.`;
const statusRule = `statuses must be among ${Object.keys(ClaimStatus).join(', ')}.`;
const versionRule = 'expectedVersion must be a whole number of at least 1.';
const dateRule = (field: string) => `${field} must be a date-time.`;

@InputType()
export class CreateClaimInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'projectId must be an id (a UUID).' })
  projectId: string;

  @Field()
  @Trim()
  @IsString()
  @Length(1, MAX_CLAIM_TEXT, { message: textRule })
  text: string;

  @Field(() => String, { nullable: true })
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(300, { message: claimantRule })
  claimant?: string | null;

  @Field(() => String, { nullable: true })
  @Trim()
  @IsOptional()
  @IsHttpUrl()
  firstAppearanceUrl?: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  @IsOptional()
  @IsDate({ message: dateRule('firstAppearedAt') })
  firstAppearedAt?: Date | null;

  @Field(() => [String], { nullable: true, defaultValue: [] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_TOPICS, { message: topicsRule })
  @IsString({ each: true, message: topicRule })
  topics?: string[] | null;

  @Field(() => Priority, { nullable: true, defaultValue: Priority.NORMAL })
  @IsOptional()
  @IsEnum(Priority, { message: priorityRule })
  priority?: Priority | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  @IsOptional()
  @IsDate({ message: dateRule('dueAt') })
  dueAt?: Date | null;
}

@InputType()
export class UpdateClaimInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'claimId must be an id (a UUID).' })
  claimId: string;

  @Field(() => Int)
  @IsInt({ message: versionRule })
  @Min(1, { message: versionRule })
  expectedVersion: number;

  @Field(() => String, { nullable: true })
  @Trim()
  @IsOptional()
  @IsString()
  @Length(1, MAX_CLAIM_TEXT, { message: textRule })
  text?: string | null;

  @Field(() => String, { nullable: true })
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(300, { message: claimantRule })
  claimant?: string | null;

  @Field(() => String, { nullable: true })
  @Trim()
  @IsOptional()
  @IsHttpUrl()
  firstAppearanceUrl?: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  @IsOptional()
  @IsDate({ message: dateRule('firstAppearedAt') })
  firstAppearedAt?: Date | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_TOPICS, { message: topicsRule })
  @IsString({ each: true, message: topicRule })
  topics?: string[] | null;

  @Field(() => Priority, { nullable: true })
  @IsOptional()
  @IsEnum(Priority, { message: priorityRule })
  priority?: Priority | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  @IsOptional()
  @IsDate({ message: dateRule('dueAt') })
  dueAt?: Date | null;
}

@InputType()
export class RejectClaimInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'claimId must be an id (a UUID).' })
  claimId: string;

  @Field(() => Int)
  @IsInt({ message: versionRule })
  @Min(1, { message: versionRule })
  expectedVersion: number;

  @Field()
  @Trim()
  @IsString()
  @Length(1, 2000, { message: 'reason must be between 1 and 2000 characters.' })
  reason: string;

  @Field(() => ID, {
    nullable: true,
    description: 'When rejecting as a duplicate: the claim (same project) this one duplicates.',
  })
  @IsOptional()
  @IsUUID('all', { message: 'duplicateOfId must be an id (a UUID).' })
  duplicateOfId?: string | null;
}

@InputType()
export class ClaimFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'projectId must be an id (a UUID).' })
  projectId?: string | null;

  @Field(() => [ClaimStatus], { nullable: true })
  @IsOptional()
  @IsArray()
  @IsEnum(ClaimStatus, { each: true, message: statusRule })
  statuses?: ClaimStatus[] | null;

  @Field(() => [Priority], { nullable: true })
  @IsOptional()
  @IsArray()
  @IsEnum(Priority, { each: true, message: priorityRule })
  priorities?: Priority[] | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50, { message: 'topics must list at most 50 topics.' })
  @IsString({ each: true })
  @MaxLength(MAX_TOPIC_LENGTH, { each: true, message: topicRule })
  topics?: string[] | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Full-text search over text and claimant (SQLite FTS5 / PostgreSQL tsvector). Every word must match; each word also matches as a prefix ("march" finds "marches").',
  })
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(500, { message: 'text must be at most 500 characters.' })
  text?: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  @IsOptional()
  @IsDate({ message: dateRule('createdFrom') })
  createdFrom?: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  @IsOptional()
  @IsDate({ message: dateRule('createdTo') })
  createdTo?: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  @IsOptional()
  @IsDate({ message: dateRule('dueFrom') })
  dueFrom?: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  @IsOptional()
  @IsDate({ message: dateRule('dueTo') })
  dueTo?: Date | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      "The claim's own due date is in the past and it is not VERIFIED or REJECTED (assignment due dates are not counted).",
  })
  @IsOptional()
  @IsBoolean()
  overdue?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Strong supporting and refuting evidence (the CONTRADICTION warning).',
  })
  @IsOptional()
  @IsBoolean()
  hasContradiction?: boolean | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Claims with an OPEN or SUBMITTED assignment of this reviewer.',
  })
  @IsOptional()
  @IsUUID('all', { message: 'assigneeId must be an id (a UUID).' })
  assigneeId?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: '"My queue": true → claims with an OPEN assignment of the caller.',
  })
  @IsOptional()
  @IsBoolean()
  assignedToMe?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      '"Unassigned": true → NEW or IN_REVIEW claims with fewer active (OPEN or SUBMITTED) assignments than the project\'s requiredReviews (so a claim whose reviewer declined comes back here).',
  })
  @IsOptional()
  @IsBoolean()
  unassigned?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      '"Disagreements": the submitted assessments disagree (verdicts two or more steps apart, or likelihood bands that do not overlap). Blind review: for a reviewer this only matches claims they have submitted on (or VERIFIED ones), for a viewer only VERIFIED ones.',
  })
  @IsOptional()
  @IsBoolean()
  disagreement?: boolean | null;
}

@ArgsType()
export class ClaimsArgs {
  @Field(() => ClaimFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ClaimFilter)
  filter?: ClaimFilter | null;

  @Field(() => ClaimSort, { nullable: true, defaultValue: ClaimSort.UPDATED_DESC })
  @IsOptional()
  @IsEnum(ClaimSort, { message: `sort must be one of ${Object.keys(ClaimSort).join(', ')}.` })
  sort?: ClaimSort | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'How many claims from the start of the list, or after the cursor `after` (1–200; 50 when neither first nor last is given).',
  })
  @IsOptional()
  @IsInt({ message: 'first must be a whole number from 1 to 200.' })
  @Min(1, { message: 'first must be a whole number from 1 to 200.' })
  @Max(200, { message: 'first must be a whole number from 1 to 200.' })
  first?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'With first: the claims after this cursor (an edge cursor of the same sort).',
  })
  @IsOptional()
  @IsString()
  @MaxLength(1000, { message: 'after is not a cursor from this list.' })
  after?: string | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'How many claims from the end of the list, or just before the cursor `before` (1–200), in list order; pageInfo.hasPreviousPage tells whether more come before them.',
  })
  @IsOptional()
  @IsInt({ message: 'last must be a whole number from 1 to 200.' })
  @Min(1, { message: 'last must be a whole number from 1 to 200.' })
  @Max(200, { message: 'last must be a whole number from 1 to 200.' })
  last?: number | null;

  @Field(() => String, {
    nullable: true,
    description:
      'With last: the claims before this cursor (an edge cursor of the same sort), e.g. the claim before the one open.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(1000, { message: 'before is not a cursor from this list.' })
  before?: string | null;
}
