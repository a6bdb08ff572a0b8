import { Type } from 'class-transformer';
import { ArgsType, Field, Float, GraphQLISODateTime, ID, InputType, Int } from '@nestjs/graphql';
import {
  IsDate,
  IsEnum,
  IsInt,
  IsNumber,
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
import { CreateSourceInput } from '@corroborate/api-sources';
import { Stance } from './evidence.enums';

export const EVIDENCE_LIMITS = {
  title: 500,
  excerpt: 10_000,
  note: 5_000,
  unit: 60,
  anchorExact: 2_000,
  anchorContext: 500,
  reason: 2_000,
} as const;

const stanceRule = `stance must be one of ${Object.keys(Stance).join(', ')}.`;
const credibilityRule =
  'credibility must be a whole number from 1 (confirmed by other sources) to 6 (truth cannot be judged).';
const versionRule = 'expectedVersion must be a whole number of at least 1.';
const dateRule = (field: string) => `${field} must be a date-time.`;

@InputType()
export class QuantityInput {
  @Field(() => Float)
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'min must be a finite number.' })
  min: number;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber(
    { allowNaN: false, allowInfinity: false },
    { message: 'max must be a finite number, or null for an open-ended quantity.' },
  )
  max?: number | null;

  @Field()
  @Trim()
  @IsString()
  @Length(1, EVIDENCE_LIMITS.unit, {
    message: `unit must be between 1 and ${EVIDENCE_LIMITS.unit} characters.`,
  })
  unit: string;

  @Field(() => GraphQLISODateTime, { nullable: true })
  @IsOptional()
  @IsDate({ message: dateRule('asOf') })
  asOf?: Date | null;
}

@InputType()
export class TextQuoteAnchorInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(EVIDENCE_LIMITS.anchorContext, {
    message: `prefix must be at most ${EVIDENCE_LIMITS.anchorContext} characters.`,
  })
  prefix?: string | null;

  @Field()
  @IsString()
  @Length(1, EVIDENCE_LIMITS.anchorExact, {
    message: `exact must be between 1 and ${EVIDENCE_LIMITS.anchorExact} characters.`,
  })
  exact: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(EVIDENCE_LIMITS.anchorContext, {
    message: `suffix must be at most ${EVIDENCE_LIMITS.anchorContext} characters.`,
  })
  suffix?: string | null;
}

/** The editable fields shared by adding and updating. */
@InputType({ isAbstract: true })
abstract class EvidenceFields {
  @Field(() => String, { nullable: true })
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(EVIDENCE_LIMITS.title, {
    message: `title must be at most ${EVIDENCE_LIMITS.title} characters.`,
  })
  title?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(EVIDENCE_LIMITS.excerpt, {
    message: `excerpt must be at most ${EVIDENCE_LIMITS.excerpt.toLocaleString('en-US')} characters.`,
  })
  excerpt?: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  @IsOptional()
  @IsDate({ message: dateRule('publishedAt') })
  publishedAt?: Date | null;

  @Field(() => String, { nullable: true })
  @Trim()
  @IsOptional()
  @IsHttpUrl()
  archiveUrl?: string | null;

  @Field(() => String, { nullable: true })
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(EVIDENCE_LIMITS.note, {
    message: `note must be at most ${EVIDENCE_LIMITS.note.toLocaleString('en-US')} characters.`,
  })
  note?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'derivedFromId must be an id (a UUID).' })
  derivedFromId?: string | null;

  @Field(() => QuantityInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => QuantityInput)
  quantity?: QuantityInput | null;

  @Field(() => TextQuoteAnchorInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => TextQuoteAnchorInput)
  anchor?: TextQuoteAnchorInput | null;
}

@InputType()
export class AddEvidenceInput extends EvidenceFields {
  @Field(() => ID)
  @IsUUID('all', { message: 'claimId must be an id (a UUID).' })
  claimId: string;

  @Field(() => ID, {
    nullable: true,
    description: 'Either sourceId or newSource (created inline).',
  })
  @IsOptional()
  @IsUUID('all', { message: 'sourceId must be an id (a UUID).' })
  sourceId?: string | null;

  @Field(() => CreateSourceInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => CreateSourceInput)
  newSource?: CreateSourceInput | null;

  @Field()
  @Trim()
  @IsHttpUrl()
  url: string;

  @Field(() => Stance)
  @IsEnum(Stance, { message: stanceRule })
  stance: Stance;

  @Field(() => Int)
  @IsInt({ message: credibilityRule })
  @Min(1, { message: credibilityRule })
  @Max(6, { message: credibilityRule })
  credibility: number;
}

@InputType()
export class UpdateEvidenceInput extends EvidenceFields {
  @Field(() => ID)
  @IsUUID('all', { message: 'evidenceId must be an id (a UUID).' })
  evidenceId: string;

  @Field(() => Int)
  @IsInt({ message: versionRule })
  @Min(1, { message: versionRule })
  expectedVersion: number;

  @Field(() => String, { nullable: true })
  @Trim()
  @IsOptional()
  @IsHttpUrl()
  url?: string | null;

  @Field(() => Stance, { nullable: true })
  @IsOptional()
  @IsEnum(Stance, { message: stanceRule })
  stance?: Stance | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt({ message: credibilityRule })
  @Min(1, { message: credibilityRule })
  @Max(6, { message: credibilityRule })
  credibility?: number | null;
}

@InputType()
export class RetractEvidenceInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'evidenceId must be an id (a UUID).' })
  evidenceId: string;

  @Field(() => Int)
  @IsInt({ message: versionRule })
  @Min(1, { message: versionRule })
  expectedVersion: number;

  @Field()
  @Trim()
  @IsString()
  @Length(1, EVIDENCE_LIMITS.reason, {
    message: `reason must be between 1 and ${EVIDENCE_LIMITS.reason} characters.`,
  })
  reason: string;
}

@ArgsType()
export class ClaimEvidenceArgs {
  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: 'Include retracted items too.',
  })
  includeRetracted?: boolean | null;
}
