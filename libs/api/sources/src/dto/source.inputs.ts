import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { IsHttpUrl, Trim } from '@corroborate/api-core';
import { Reliability, SourceKind } from './source.enums';

const nameRule = 'Source name must be between 1 and 300 characters.';
const noteRule = 'Reliability note must be at most 2000 characters.';
const kindRule = `kind must be one of ${Object.keys(SourceKind).join(', ')}.`;
const reliabilityRule = `reliability must be one of ${Object.keys(Reliability).join(', ')}.`;
const versionRule = 'expectedVersion must be a whole number of at least 1.';

@InputType()
export class CreateSourceInput {
  @Field()
  @Trim()
  @IsString()
  @Length(1, 300, { message: nameRule })
  name: string;

  @Field(() => SourceKind)
  @IsEnum(SourceKind, { message: kindRule })
  kind: SourceKind;

  @Field(() => String, { nullable: true })
  @Trim()
  @IsOptional()
  @IsHttpUrl()
  homepage?: string | null;

  @Field(() => Reliability)
  @IsEnum(Reliability, { message: reliabilityRule })
  reliability: Reliability;

  @Field(() => String, { nullable: true })
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(2000, { message: noteRule })
  reliabilityNote?: string | null;
}

@InputType()
export class UpdateSourceInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'sourceId must be an id (a UUID).' })
  sourceId: string;

  @Field(() => Int)
  @IsInt({ message: versionRule })
  @Min(1, { message: versionRule })
  expectedVersion: number;

  @Field(() => String, { nullable: true })
  @Trim()
  @IsOptional()
  @IsString()
  @Length(1, 300, { message: nameRule })
  name?: string | null;

  @Field(() => SourceKind, { nullable: true })
  @IsOptional()
  @IsEnum(SourceKind, { message: kindRule })
  kind?: SourceKind | null;

  @Field(() => String, { nullable: true })
  @Trim()
  @IsOptional()
  @IsHttpUrl()
  homepage?: string | null;
}

@InputType()
export class RegradeSourceInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'sourceId must be an id (a UUID).' })
  sourceId: string;

  @Field(() => Int)
  @IsInt({ message: versionRule })
  @Min(1, { message: versionRule })
  expectedVersion: number;

  @Field(() => Reliability)
  @IsEnum(Reliability, { message: reliabilityRule })
  reliability: Reliability;

  @Field(() => String, { nullable: true })
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(2000, { message: noteRule })
  reliabilityNote?: string | null;

  @Field()
  @Trim()
  @IsString()
  @Length(1, 2000, { message: 'reason must be between 1 and 2000 characters.' })
  reason: string;
}

@ArgsType()
export class SourcesArgs {
  @Field(() => String, { nullable: true })
  @Trim()
  @IsOptional()
  @IsString()
  @MaxLength(300, { message: 'search must be at most 300 characters.' })
  search?: string | null;

  @Field(() => [SourceKind], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20, { message: 'kinds must list at most 20 kinds.' })
  @IsEnum(SourceKind, { each: true, message: kindRule })
  kinds?: SourceKind[] | null;

  @Field(() => Int, { nullable: true, defaultValue: 50 })
  @IsOptional()
  @IsInt({ message: 'first must be a whole number from 1 to 200.' })
  @Min(1, { message: 'first must be a whole number from 1 to 200.' })
  @Max(200, { message: 'first must be a whole number from 1 to 200.' })
  first?: number | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(1000, { message: 'after is not a cursor from this list.' })
  after?: string | null;
}
