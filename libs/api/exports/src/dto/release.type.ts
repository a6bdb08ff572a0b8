import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import { Trim } from '@corroborate/api-core';
import { ExportFilter } from './export-filter.input';

@ObjectType('ReleaseFile')
export class ReleaseFileType {
  @Field({ description: 'jsonld, csv or ndjson.' })
  format: string;

  @Field()
  name: string;

  @Field()
  mediaType: string;

  @Field(() => Number, { description: 'Size in bytes.' })
  bytes: number;

  @Field()
  sha256: string;

  @Field()
  downloadUrl: string;
}

@ObjectType('ReleaseCounts')
export class ReleaseCountsType {
  @Field(() => Int)
  claims: number;

  @Field(() => Int)
  evidence: number;

  @Field(() => Int)
  sources: number;

  @Field(() => Int)
  assessments: number;

  @Field(() => Int)
  captures: number;
}

@ObjectType('ReleaseDelta', {
  description:
    'Against the previous release of the same name: claims added, changed (another verdict or adjudication) and retracted (reopened, rejected or no longer matching).',
})
export class ReleaseDeltaType {
  @Field(() => Int)
  added: number;

  @Field(() => Int)
  changed: number;

  @Field(() => Int)
  retracted: number;
}

@ObjectType('Release', {
  description: 'A named, numbered, immutable publication of a verified claim set.',
})
export class ReleaseType {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => Int)
  number: number;

  @Field({ description: 'The filters it was cut with, as JSON.' })
  filtersJson: string;

  @Field(() => ReleaseCountsType)
  counts: ReleaseCountsType;

  @Field(() => [ReleaseFileType])
  files: ReleaseFileType[];

  @Field(() => ID, { nullable: true, description: 'The release its delta is against.' })
  previousId: string | null;

  @Field(() => Int, { nullable: true })
  previousNumber: number | null;

  @Field(() => ReleaseDeltaType)
  delta: ReleaseDeltaType;

  @Field()
  manifestUrl: string;

  @Field()
  deltaUrl: string;

  @Field(() => String, { nullable: true, description: 'Who cut it (null: the command-line tool).' })
  createdByName: string | null;

  @Field(() => GraphQLISODateTime)
  createdAt: Date;
}

@InputType()
export class CutReleaseInput {
  @Field({ description: 'The set’s name; numbers count up per name ("Belarus weekly" 1, 2, …).' })
  @Trim()
  @IsString()
  @Length(1, 120, { message: 'name must be between 1 and 120 characters.' })
  name: string;

  @Field(() => ExportFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ExportFilter)
  filter?: ExportFilter | null;
}
