import { Field, GraphQLISODateTime, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('Organisation', {
  description:
    'Who publishes the exports: the ClaimReview author (name, URL, logo) and the licence of exported data.',
})
export class OrganisationType {
  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  url: string | null;

  @Field(() => String, { nullable: true })
  logoUrl: string | null;

  @Field(() => String, { nullable: true, description: 'Licence of exported data, as a URL.' })
  license: string | null;

  @Field(() => Int, {
    description: 'Send it back as expectedVersion when updating (0 before the first save).',
  })
  version: number;

  @Field(() => GraphQLISODateTime, { nullable: true })
  updatedAt: Date | null;
}
