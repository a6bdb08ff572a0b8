import { Field, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Length, Min } from 'class-validator';
import { IsHttpUrl, Trim } from '@corroborate/api-core';

export const MAX_ORGANISATION_NAME = 200;
const nameRule = `name must be between 1 and ${MAX_ORGANISATION_NAME} characters.`;
const versionRule = 'expectedVersion must be a whole number of at least 0.';

@InputType({ description: 'The full settings: a field sent as null (or left out) is cleared.' })
export class UpdateOrganisationInput {
  @Field(() => Int)
  @IsInt({ message: versionRule })
  @Min(0, { message: versionRule })
  expectedVersion: number;

  @Field()
  @Trim()
  @IsString({ message: nameRule })
  @Length(1, MAX_ORGANISATION_NAME, { message: nameRule })
  name: string;

  @Field(() => String, { nullable: true })
  @Trim()
  @IsOptional()
  @IsHttpUrl()
  url?: string | null;

  @Field(() => String, { nullable: true })
  @Trim()
  @IsOptional()
  @IsHttpUrl()
  logoUrl?: string | null;

  @Field(() => String, { nullable: true })
  @Trim()
  @IsOptional()
  @IsHttpUrl()
  license?: string | null;
}
