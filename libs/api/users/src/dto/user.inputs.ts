import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEmail, IsEnum, IsString, IsUUID, Length, MaxLength } from 'class-validator';
import { Role, Trim } from '@corroborate/api-core';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;
const passwordRule = `Password must be between ${PASSWORD_MIN_LENGTH} and ${PASSWORD_MAX_LENGTH} characters.`;
const roleRule = 'Role must be one of ADMIN, EDITOR, REVIEWER, VIEWER.';

@InputType()
export class CreateUserInput {
  @Field()
  @Trim()
  @IsEmail({}, { message: 'Email must be a valid email address, like name@example.org.' })
  @MaxLength(254, { message: 'Email must be at most 254 characters.' })
  email: string;

  @Field()
  @IsString()
  @Length(1, 120, { message: 'Display name must be between 1 and 120 characters.' })
  displayName: string;

  @Field(() => Role)
  @IsEnum(Role, { message: roleRule })
  role: Role;

  @Field()
  @IsString()
  @Length(PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH, { message: passwordRule })
  password: string;
}

@InputType()
export class UpdateUserRoleInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'userId must be a user id.' })
  userId: string;

  @Field(() => Role)
  @IsEnum(Role, { message: roleRule })
  role: Role;
}

@InputType()
export class ResetUserPasswordInput {
  @Field(() => ID)
  @IsUUID('all', { message: 'userId must be a user id.' })
  userId: string;

  @Field()
  @IsString()
  @Length(PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH, { message: passwordRule })
  newPassword: string;
}

@InputType()
export class ChangeMyPasswordInput {
  @Field({ description: 'The password the caller signs in with now.' })
  @IsString()
  @Length(1, PASSWORD_MAX_LENGTH, {
    message: `currentPassword must be between 1 and ${PASSWORD_MAX_LENGTH} characters.`,
  })
  currentPassword: string;

  @Field()
  @IsString()
  @Length(PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH, { message: passwordRule })
  newPassword: string;
}
