import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { PageInfoType } from '@corroborate/api-core';
import { ClaimStatus, Priority } from './claim.enums';

/**
 * A claim. This lib resolves `project`, `createdBy`, `allowedTransitions` and `history`;
 * libs/api/evidence adds `evidence`, `evidenceCount` and `corroboration` with its own
 * `@Resolver(() => ClaimType)`.
 */
@ObjectType('Claim')
export class ClaimType {
  @Field(() => ID)
  id: string;

  /** Resolved to `project: Project!`. */
  projectId: string;

  @Field()
  text: string;

  @Field(() => String, { nullable: true })
  claimant: string | null;

  @Field(() => String, { nullable: true })
  firstAppearanceUrl: string | null;

  @Field(() => GraphQLISODateTime, { nullable: true })
  firstAppearedAt: Date | null;

  @Field(() => [String])
  topics: string[];

  @Field(() => Priority)
  priority: Priority;

  @Field(() => GraphQLISODateTime, { nullable: true })
  dueAt: Date | null;

  @Field(() => ClaimStatus)
  status: ClaimStatus;

  @Field(() => String, { nullable: true })
  rejectionReason: string | null;

  @Field(() => Int, {
    description: 'Optimistic-concurrency version; send it back as expectedVersion when writing.',
  })
  version: number;

  /** Kept current by the evidence service; filter with ClaimFilter.hasContradiction. */
  hasContradiction: boolean;

  /** Kept current by libs/api/reviews; shown only through Claim.disagreement (blind rule). */
  hasDisagreement: boolean;

  /** Set when rejected as a duplicate; resolved to `duplicateOf: Claim`. */
  duplicateOfId: string | null;

  /** Resolved to `createdBy: User`. */
  createdById: string | null;

  @Field(() => GraphQLISODateTime)
  createdAt: Date;

  @Field(() => GraphQLISODateTime)
  updatedAt: Date;
}

@ObjectType('ClaimEdge')
export class ClaimEdgeType {
  @Field()
  cursor: string;

  @Field(() => ClaimType)
  node: ClaimType;
}

@ObjectType('FacetCount')
export class FacetCountType {
  @Field()
  value: string;

  @Field(() => Int)
  count: number;
}

@ObjectType('ClaimFacets')
export class ClaimFacetsType {
  @Field(() => [FacetCountType])
  statuses: FacetCountType[];

  @Field(() => [FacetCountType])
  priorities: FacetCountType[];

  @Field(() => [FacetCountType])
  topics: FacetCountType[];
}

export interface ClaimCounts {
  totalCount: number;
  facets: ClaimFacetsType;
}

@ObjectType('ClaimConnection')
export class ClaimConnectionType {
  @Field(() => [ClaimEdgeType])
  edges: ClaimEdgeType[];

  @Field(() => PageInfoType)
  pageInfo: PageInfoType;

  /** totalCount and facets come from one statement, run only when either is asked for. */
  counts: () => Promise<ClaimCounts>;
}
