import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { Role } from '@corroborate/api-core';

@ObjectType('User')
export class UserType {
  @Field(() => ID)
  id: string;

  @Field()
  email: string;

  @Field()
  displayName: string;

  @Field(() => Role)
  role: Role;

  @Field({ description: 'A deactivated user cannot sign in and their sessions stop working.' })
  active: boolean;

  @Field(() => GraphQLISODateTime, { nullable: true })
  lastSignInAt: Date | null;

  @Field(() => GraphQLISODateTime)
  createdAt: Date;
}
