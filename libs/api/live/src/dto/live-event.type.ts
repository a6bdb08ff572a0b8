import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';

/**
 * "Something changed": what happened to which entity, by whom and when — never the content of
 * the change. Clients refetch through the ordinary queries, which apply every visibility rule
 * (blind review included), so a live event can never leak what a query would not show.
 */
@ObjectType('LiveEvent')
export class LiveEventType {
  @Field(() => ID, { nullable: true, description: 'The claim the change belongs to, if any.' })
  claimId: string | null;

  @Field({ description: 'Claim, Evidence, Capture, Assignment, Assessment, Comment, …' })
  entityType: string;

  @Field(() => ID)
  entityId: string;

  @Field({ description: 'The audit action, e.g. evidence.added.' })
  action: string;

  @Field(() => ID, { nullable: true })
  actorId: string | null;

  @Field(() => String, { nullable: true })
  actorName: string | null;

  @Field({ description: 'One sentence for people, e.g. "Rita Reviewer added evidence".' })
  summary: string;

  @Field(() => [String], {
    description:
      'For an edit of a claim, evidence item or source: the names of the fields it changed (never their values). Empty otherwise.',
  })
  fields: string[];

  @Field(() => GraphQLISODateTime)
  at: Date;
}
