import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { Stance } from './evidence.enums';

@ObjectType('Quantity')
export class QuantityType {
  @Field(() => Float, { description: 'Lower bound; equal to max for a single value.' })
  min: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Upper bound; null means open-ended ("more than 30,000").',
  })
  max: number | null;

  @Field()
  unit: string;

  @Field(() => GraphQLISODateTime, { nullable: true })
  asOf: Date | null;
}

@ObjectType('TextQuoteAnchor', {
  description: 'A W3C Web Annotation text-quote selector: the exact text and its context.',
})
export class TextQuoteAnchorType {
  @Field(() => String, { nullable: true })
  prefix: string | null;

  @Field()
  exact: string;

  @Field(() => String, { nullable: true })
  suffix: string | null;
}

/**
 * One concrete item from a source attached to one claim. Relations, the grade, the quantity and
 * the anchor are resolved by EvidenceResolver; captures and the anchor status by libs/api/captures.
 */
@ObjectType('Evidence')
export class EvidenceType {
  @Field(() => ID)
  id: string;

  @Field()
  url: string;

  @Field(() => String, { nullable: true })
  title: string | null;

  @Field(() => String, { nullable: true })
  excerpt: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  publishedAt: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  retrievedAt: Date | null;

  @Field(() => String, { nullable: true })
  archiveUrl: string | null;

  @Field(() => Stance)
  stance: Stance;

  @Field(() => Int, {
    description: 'Admiralty credibility of this item: 1 confirmed … 6 cannot be judged.',
  })
  credibility: number;

  @Field(() => String, { nullable: true })
  note: string | null;

  @Field()
  retracted: boolean;

  @Field(() => String, { nullable: true })
  retractionReason: string | null;

  @Field(() => Int, {
    description: 'Optimistic-concurrency version; send it back as expectedVersion when writing.',
  })
  version: number;

  @Field(() => GraphQLISODateTime)
  createdAt: Date;

  @Field(() => GraphQLISODateTime)
  updatedAt: Date;
}
