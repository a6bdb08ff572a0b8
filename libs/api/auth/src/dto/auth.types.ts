import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsEmail, IsInt, IsOptional, IsString, Length, Max, MaxLength, Min } from 'class-validator';
import { Trim } from '@corroborate/api-core';
import { UserType } from '@corroborate/api-users';

@InputType()
export class SignInInput {
  @Field()
  @Trim()
  @IsEmail({}, { message: 'Email must be a valid email address, like name@example.org.' })
  @MaxLength(254, { message: 'Email must be at most 254 characters.' })
  email: string;

  @Field()
  @IsString()
  @Length(1, 256, { message: 'Password must be between 1 and 256 characters.' })
  password: string;
}

@ObjectType()
export class SignInPayload {
  @Field(() => UserType)
  user: UserType;
}

@ObjectType('ApiToken')
export class ApiTokenType {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => GraphQLISODateTime)
  createdAt: Date;

  @Field(() => GraphQLISODateTime, { nullable: true })
  expiresAt: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  lastUsedAt: Date | null;
}

@ObjectType()
export class ApiTokenPayload {
  @Field({ description: 'The secret, shown once. Send it as `Authorization: Bearer <token>`.' })
  token: string;

  @Field(() => ApiTokenType)
  apiToken: ApiTokenType;
}

@InputType()
export class CreateApiTokenInput {
  @Field()
  @IsString()
  @Length(1, 100, { message: 'Token name must be between 1 and 100 characters.' })
  name: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IsInt({ message: 'expiresInDays must be a whole number of days.' })
  @Min(1, { message: 'expiresInDays must be at least 1.' })
  @Max(3650, { message: 'expiresInDays must be at most 3650.' })
  expiresInDays?: number | null;
}
