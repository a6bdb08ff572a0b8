import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, IsUUID, Length, Max, MaxLength, Min } from 'class-validator';

export const MAX_REQUIRED_REVIEWS = 10;
const nameRule = 'Project name must be between 1 and 200 characters.';
const descriptionRule = 'Description must be at most 2000 characters.';
const reviewsRule = `Required reviews must be a whole number from 1 to ${MAX_REQUIRED_REVIEWS}.`;

@InputType()
export class CreateProjectInput {
  @Field()
  @IsString()
  @Length(1, 200, { message: nameRule })
  name: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000, { message: descriptionRule })
  description?: string | null;

  @Field(() => Int, { nullable: true, defaultValue: 2 })
  @IsOptional()
  @IsInt({ message: reviewsRule })
  @Min(1, { message: reviewsRule })
  @Max(MAX_REQUIRED_REVIEWS, { message: reviewsRule })
  requiredReviews?: number | null;
}

@InputType()
export class UpdateProjectInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'projectId must be an id (a UUID).' })
  projectId: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @Length(1, 200, { message: nameRule })
  name?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000, { message: descriptionRule })
  description?: string | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt({ message: reviewsRule })
  @Min(1, { message: reviewsRule })
  @Max(MAX_REQUIRED_REVIEWS, { message: reviewsRule })
  requiredReviews?: number | null;
}
