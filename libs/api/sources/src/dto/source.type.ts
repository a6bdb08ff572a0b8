import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { PageInfoType } from '@corroborate/api-core';
import { Reliability, SourceKind } from './source.enums';

/**
 * A source in the registry. `evidence` and `evidenceCount` are added by libs/api/evidence;
 * `history` by this lib's resolver.
 */
@ObjectType('Source')
export class SourceType {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => SourceKind)
  kind: SourceKind;

  @Field(() => String, { nullable: true })
  homepage: string | null;

  @Field(() => Reliability)
  reliability: Reliability;

  @Field(() => String, { nullable: true })
  reliabilityNote: string | null;

  @Field(() => Int)
  version: number;

  @Field(() => GraphQLISODateTime)
  createdAt: Date;

  @Field(() => GraphQLISODateTime)
  updatedAt: Date;
}

@ObjectType('SourceEdge')
export class SourceEdgeType {
  @Field()
  cursor: string;

  @Field(() => SourceType)
  node: SourceType;
}

@ObjectType('SourceConnection')
export class SourceConnectionType {
  @Field(() => [SourceEdgeType])
  edges: SourceEdgeType[];

  @Field(() => PageInfoType)
  pageInfo: PageInfoType;

  @Field(() => Int)
  totalCount: number;
}
