import {
  ArgsType,
  Field,
  Float,
  ID,
  InputType,
  Int,
  ObjectType,
  registerEnumType,
} from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, IsUUID, Length, Max, MaxLength, Min } from 'class-validator';
import { ClaimType } from '@corroborate/api-claims';
import { Trim } from '@corroborate/api-core';
import { CANDIDATE_REASONS, type CandidateReason as DomainReason } from '@corroborate/domain';

export const CandidateReason = Object.fromEntries(CANDIDATE_REASONS.map((r) => [r, r])) as {
  [K in DomainReason]: K;
};
export type CandidateReason = DomainReason;
registerEnumType(CandidateReason, {
  name: 'CandidateReason',
  description:
    'Why a sentence was proposed: it attributes a statement to someone, or it has a figure.',
});

/** Longest article text accepted by extractClaims. */
export const MAX_ARTICLE_CHARS = 200_000;
/** Candidates returned by one extraction. */
export const MAX_CANDIDATES = 300;

@ObjectType('DuplicateCandidate', {
  description: 'An existing claim of the project whose normalised text is similar.',
})
export class DuplicateCandidateType {
  @Field(() => ClaimType)
  claim: ClaimType;

  @Field(() => Float, { description: 'Trigram similarity of the normalised texts, 0 to 1.' })
  score: number;
}

@ObjectType('ClaimCandidate', { description: 'A sentence proposed as a claim by extractClaims.' })
export class ClaimCandidateType {
  @Field({ description: 'The sentence as in the article.' })
  text: string;

  @Field(() => Int, { description: 'Offset of the sentence in the text.' })
  start: number;

  @Field(() => Int)
  end: number;

  @Field(() => [CandidateReason])
  reasons: CandidateReason[];

  @Field(() => String, { nullable: true, description: 'Guessed claimant, cleaned for display.' })
  claimant: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The attribution wording found, e.g. "has said".',
  })
  attribution: string | null;

  @Field(() => [String], { description: 'Figures found in the sentence, as written.' })
  figures: string[];

  @Field(() => [DuplicateCandidateType], {
    description: "Likely duplicates of this sentence among the project's claims.",
  })
  duplicates: DuplicateCandidateType[];
}

@ArgsType()
export class ExtractClaimsArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'projectId must be an id (a UUID).' })
  projectId: string;

  @Field(() => String, { nullable: true, description: 'Article text (give this or captureId).' })
  @IsOptional()
  @IsString()
  @MaxLength(MAX_ARTICLE_CHARS, {
    message: `text must be at most ${MAX_ARTICLE_CHARS} characters.`,
  })
  text?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'A capture whose extracted text is the article (give this or text).',
  })
  @IsOptional()
  @IsUUID('all', { message: 'captureId must be an id (a UUID).' })
  captureId?: string | null;
}

@ArgsType()
export class LikelyDuplicatesArgs {
  @Field(() => ID)
  @IsUUID('all', { message: 'projectId must be an id (a UUID).' })
  projectId: string;

  @Field()
  @IsString()
  @MaxLength(5000, { message: 'text must be at most 5000 characters.' })
  text: string;

  @Field(() => ID, { nullable: true, description: 'Leave this claim out (the one being edited).' })
  @IsOptional()
  @IsUUID('all', { message: 'excludeClaimId must be an id (a UUID).' })
  excludeClaimId?: string | null;

  @Field(() => Int, { nullable: true, defaultValue: 5 })
  @IsOptional()
  @IsInt({ message: 'first must be a whole number from 1 to 50.' })
  @Min(1, { message: 'first must be a whole number from 1 to 50.' })
  @Max(50, { message: 'first must be a whole number from 1 to 50.' })
  first?: number | null;
}

@InputType()
export class MergeClaimsInput {
  @Field(() => ID, { description: 'The claim that stays.' })
  @IsUUID('all', { message: 'survivorId must be an id (a UUID).' })
  survivorId: string;

  @Field(() => ID, { description: 'The claim merged into it; it becomes REJECTED as a duplicate.' })
  @IsUUID('all', { message: 'duplicateId must be an id (a UUID).' })
  duplicateId: string;

  @Field()
  @Trim()
  @IsString()
  @Length(1, 2000, { message: 'reason must be between 1 and 2000 characters.' })
  reason: string;

  @Field(() => Int, {
    nullable: true,
    description: "The duplicate's version as read (CONFLICT if it changed since).",
  })
  @IsOptional()
  @IsInt({ message: 'expectedDuplicateVersion must be a whole number of at least 1.' })
  @Min(1, { message: 'expectedDuplicateVersion must be a whole number of at least 1.' })
  expectedDuplicateVersion?: number | null;
}
