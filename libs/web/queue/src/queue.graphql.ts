import { graphql } from '@corroborate/graphql';

export const queueClaimFieldsFragment = graphql(`
  fragment QueueClaimFields on Claim {
    id
    text
    claimant
    status
    priority
    topics
    dueAt
    evidenceCount
    createdAt
    updatedAt
    project {
      id
      name
    }
  }
`);

export const queueClaimsQuery = graphql(`
  query QueueClaims($filter: ClaimFilter, $sort: ClaimSort, $first: Int, $after: String) {
    claims(filter: $filter, sort: $sort, first: $first, after: $after) {
      edges {
        cursor
        node {
          ...QueueClaimFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      totalCount
      facets {
        statuses {
          value
          count
        }
        priorities {
          value
          count
        }
        topics {
          value
          count
        }
      }
    }
  }
`);

/**
 * A later page of a queue view, fetched while scrolling: only its rows (the counts come with the
 * first page). Each page is its own cache entry, so loading one never re-reads the others.
 */
export const queueClaimsPageQuery = graphql(`
  query QueueClaimsPage($filter: ClaimFilter, $sort: ClaimSort, $first: Int, $after: String) {
    claims(filter: $filter, sort: $sort, first: $first, after: $after) {
      edges {
        cursor
        node {
          ...QueueClaimFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

/**
 * The claims just after and just before a place in a queue view (its cursor), for "Next in
 * queue" and "Previous": both in one request.
 */
export const queueNeighboursQuery = graphql(`
  query QueueNeighbours($filter: ClaimFilter, $sort: ClaimSort, $cursor: String) {
    next: claims(filter: $filter, sort: $sort, first: 1, after: $cursor) {
      edges {
        cursor
        node {
          id
          text
        }
      }
    }
    previous: claims(filter: $filter, sort: $sort, last: 1, before: $cursor) {
      edges {
        cursor
        node {
          id
          text
        }
      }
    }
  }
`);

export const queueProjectsQuery = graphql(`
  query QueueProjects {
    projects {
      id
      name
    }
  }
`);

/** Reviewers for the "Assigned to" filter (editors and admins). */
export const queueReviewersQuery = graphql(`
  query QueueReviewers {
    reviewers {
      id
      displayName
    }
  }
`);

export const createClaimMutation = graphql(`
  mutation CreateClaim($input: CreateClaimInput!) {
    createClaim(input: $input) {
      ...QueueClaimFields
    }
  }
`);
