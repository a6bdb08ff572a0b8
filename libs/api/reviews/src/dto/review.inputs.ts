import { Field, GraphQLISODateTime, ID, InputType, Int } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDate,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
  Min,
} from 'class-validator';
import { Trim } from '@corroborate/api-core';
import { AgreementMetric, Confidence, Likelihood, Verdict } from './review.enums';

export const MAX_CLAIMS_PER_ASSIGNMENT = 500;
export const MAX_REVIEWERS_PER_ASSIGNMENT = 20;
export const MAX_RATIONALE = 10_000;
export const MAX_PUBLIC_SUMMARY = 5_000;
export const MAX_REASON = 2_000;
export const MAX_CITED = 200;

const verdictRule = `verdict must be one of ${Object.keys(Verdict).join(', ')}.`;
const likelihoodRule = `likelihood must be one of ${Object.keys(Likelihood).join(', ')}.`;
const confidenceRule = `confidence must be one of ${Object.keys(Confidence).join(', ')}.`;
const versionRule = 'expectedVersion must be a whole number of at least 1.';
const reasonRule = `reason must be between 1 and ${MAX_REASON} characters.`;
const idRule = (field: string) => `${field} must be an id (a UUID).`;
const idsRule = (field: string) => `${field} must list ids (UUIDs).`;

@InputType()
export class AssignReviewersInput {
  @Field(() => [ID])
  @IsArray()
  @ArrayMinSize(1, { message: 'claimIds must list between 1 and 500 claims.' })
  @ArrayMaxSize(MAX_CLAIMS_PER_ASSIGNMENT, {
    message: 'claimIds must list between 1 and 500 claims.',
  })
  @IsUUID('all', { each: true, message: idsRule('claimIds') })
  claimIds: string[];

  @Field(() => [ID])
  @IsArray()
  @ArrayMinSize(1, { message: 'reviewerIds must list between 1 and 20 reviewers.' })
  @ArrayMaxSize(MAX_REVIEWERS_PER_ASSIGNMENT, {
    message: 'reviewerIds must list between 1 and 20 reviewers.',
  })
  @IsUUID('all', { each: true, message: idsRule('reviewerIds') })
  reviewerIds: string[];

  @Field(() => GraphQLISODateTime, { nullable: true })
  @IsOptional()
  @IsDate({ message: 'dueAt must be a date-time.' })
  dueAt?: Date | null;
}

@InputType()
export class AutoAssignInput {
  @Field(() => [ID])
  @IsArray()
  @ArrayMinSize(1, { message: 'claimIds must list between 1 and 500 claims.' })
  @ArrayMaxSize(MAX_CLAIMS_PER_ASSIGNMENT, {
    message: 'claimIds must list between 1 and 500 claims.',
  })
  @IsUUID('all', { each: true, message: idsRule('claimIds') })
  claimIds: string[];

  @Field(() => [ID], { description: 'The reviewers to distribute across (at least one).' })
  @IsArray()
  @ArrayMinSize(1, { message: 'reviewerIds must list at least one reviewer.' })
  @ArrayMaxSize(MAX_REVIEWERS_PER_ASSIGNMENT, {
    message: 'reviewerIds must list between 1 and 20 reviewers.',
  })
  @IsUUID('all', { each: true, message: idsRule('reviewerIds') })
  reviewerIds: string[];

  @Field(() => GraphQLISODateTime, { nullable: true })
  @IsOptional()
  @IsDate({ message: 'dueAt must be a date-time.' })
  dueAt?: Date | null;
}

@InputType()
export class UnassignReviewerInput {
  @Field(() => ID)
  @IsUUID('all', { message: idRule('assignmentId') })
  assignmentId: string;

  @Field(() => String, { nullable: true })
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(MAX_REASON, { message: `reason must be at most ${MAX_REASON} characters.` })
  reason?: string | null;
}

@InputType()
export class ReassignReviewerInput {
  @Field(() => ID, { description: 'The OPEN assignment to move.' })
  @IsUUID('all', { message: idRule('assignmentId') })
  assignmentId: string;

  @Field(() => ID, { description: 'The reviewer who takes it over.' })
  @IsUUID('all', { message: idRule('reviewerId') })
  reviewerId: string;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'Defaults to the old due date.',
  })
  @IsOptional()
  @IsDate({ message: 'dueAt must be a date-time.' })
  dueAt?: Date | null;

  @Field(() => String, { nullable: true })
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(MAX_REASON, { message: `reason must be at most ${MAX_REASON} characters.` })
  reason?: string | null;
}

@InputType()
export class DeclineAssignmentInput {
  @Field(() => ID)
  @IsUUID('all', { message: idRule('assignmentId') })
  assignmentId: string;

  @Field()
  @Trim()
  @IsString()
  @Length(1, MAX_REASON, { message: reasonRule })
  reason: string;
}

@InputType()
export class DiscardAssessmentDraftInput {
  @Field(() => ID)
  @IsUUID('all', { message: idRule('claimId') })
  claimId: string;
}

@InputType()
export class SaveAssessmentDraftInput {
  @Field(() => ID)
  @IsUUID('all', { message: idRule('claimId') })
  claimId: string;

  @Field(() => Verdict, { nullable: true })
  @IsOptional()
  @IsEnum(Verdict, { message: verdictRule })
  verdict?: Verdict | null;

  @Field(() => Likelihood, { nullable: true })
  @IsOptional()
  @IsEnum(Likelihood, { message: likelihoodRule })
  likelihood?: Likelihood | null;

  @Field(() => Confidence, { nullable: true })
  @IsOptional()
  @IsEnum(Confidence, { message: confidenceRule })
  confidence?: Confidence | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_RATIONALE, {
    message: `rationale must be at most ${MAX_RATIONALE} characters.`,
  })
  rationale?: string | null;

  @Field(() => [ID], { nullable: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_CITED, { message: `evidenceIds must list at most ${MAX_CITED} items.` })
  @IsUUID('all', { each: true, message: idsRule('evidenceIds') })
  evidenceIds?: string[] | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Only in a draft of a correction (saved after the caller has submitted): why the assessment changes.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_REASON, {
    message: `correctionReason must be at most ${MAX_REASON} characters.`,
  })
  correctionReason?: string | null;
}

@InputType()
export class SubmitAssessmentInput {
  @Field(() => ID)
  @IsUUID('all', { message: idRule('claimId') })
  claimId: string;

  @Field(() => Verdict)
  @IsEnum(Verdict, { message: verdictRule })
  verdict: Verdict;

  @Field(() => Likelihood)
  @IsEnum(Likelihood, { message: likelihoodRule })
  likelihood: Likelihood;

  @Field(() => Confidence)
  @IsEnum(Confidence, { message: confidenceRule })
  confidence: Confidence;

  @Field()
  @Trim()
  @IsString()
  @Length(1, MAX_RATIONALE, {
    message: `rationale must be between 1 and ${MAX_RATIONALE} characters.`,
  })
  rationale: string;

  @Field(() => [ID], { description: 'Non-retracted evidence items of this claim relied on.' })
  @IsArray()
  @ArrayMaxSize(MAX_CITED, { message: `evidenceIds must list at most ${MAX_CITED} items.` })
  @IsUUID('all', { each: true, message: idsRule('evidenceIds') })
  evidenceIds: string[];

  @Field(() => String, {
    nullable: true,
    description: 'Required when correcting an earlier submission: why it changes.',
  })
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(MAX_REASON, {
    message: `correctionReason must be at most ${MAX_REASON} characters.`,
  })
  correctionReason?: string | null;
}

@InputType()
export class AgreementInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: idRule('projectId') })
  projectId?: string | null;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'Submissions at or after this time.',
  })
  @IsOptional()
  @IsDate({ message: 'from must be a date-time.' })
  from?: Date | null;

  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: 'Submissions at or before this time.',
  })
  @IsOptional()
  @IsDate({ message: 'to must be a date-time.' })
  to?: Date | null;

  @Field(() => [ID], {
    nullable: true,
    description: 'Exactly two reviewers, for the agreement of a pair.',
  })
  @IsOptional()
  @IsArray()
  @IsUUID('all', { each: true, message: idsRule('reviewerIds') })
  reviewerIds?: string[] | null;

  @Field(() => AgreementMetric, { nullable: true, defaultValue: AgreementMetric.ORDINAL })
  @IsOptional()
  @IsEnum(AgreementMetric, { message: 'metric must be NOMINAL or ORDINAL.' })
  metric?: AgreementMetric | null;
}

@InputType()
export class AdjudicateClaimInput {
  @Field(() => ID)
  @IsUUID('all', { message: idRule('claimId') })
  claimId: string;

  @Field(() => Int)
  @IsInt({ message: versionRule })
  @Min(1, { message: versionRule })
  expectedVersion: number;

  @Field(() => Verdict)
  @IsEnum(Verdict, { message: verdictRule })
  verdict: Verdict;

  @Field(() => Likelihood)
  @IsEnum(Likelihood, { message: likelihoodRule })
  likelihood: Likelihood;

  @Field(() => Confidence)
  @IsEnum(Confidence, { message: confidenceRule })
  confidence: Confidence;

  @Field()
  @Trim()
  @IsString()
  @Length(1, MAX_PUBLIC_SUMMARY, {
    message: `publicSummary must be between 1 and ${MAX_PUBLIC_SUMMARY} characters.`,
  })
  publicSummary: string;

  @Field(() => [ID], { description: 'Submitted assessments of this claim the decision rests on.' })
  @IsArray()
  @ArrayMaxSize(MAX_CITED, { message: `citedAssessmentIds must list at most ${MAX_CITED}.` })
  @IsUUID('all', { each: true, message: idsRule('citedAssessmentIds') })
  citedAssessmentIds: string[];

  @Field(() => [ID], { description: 'Evidence items of this claim the decision rests on.' })
  @IsArray()
  @ArrayMaxSize(MAX_CITED, { message: `citedEvidenceIds must list at most ${MAX_CITED}.` })
  @IsUUID('all', { each: true, message: idsRule('citedEvidenceIds') })
  citedEvidenceIds: string[];
}

@InputType()
export class ReopenClaimInput {
  @Field(() => ID)
  @IsUUID('all', { message: idRule('claimId') })
  claimId: string;

  @Field(() => Int)
  @IsInt({ message: versionRule })
  @Min(1, { message: versionRule })
  expectedVersion: number;

  @Field()
  @Trim()
  @IsString()
  @Length(1, MAX_REASON, { message: reasonRule })
  reason: string;
}
