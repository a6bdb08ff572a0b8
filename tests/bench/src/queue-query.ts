/**
 * The queue page the benchmark loads: the web app's queue document
 * (libs/web/queue/src/queue.graphql.ts: the QueueClaimFields of 50 claims, page info, total and
 * facet counts) plus what a queue row with its evidence and assignees needs: each claim's
 * evidence items with their grade and source, and its assignments with the reviewer.
 */
export const QUEUE_PAGE_QUERY = `query BenchQueuePage($filter: ClaimFilter, $sort: ClaimSort, $first: Int, $after: String) {
  claims(filter: $filter, sort: $sort, first: $first, after: $after) {
    edges {
      cursor
      node {
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
        project { id name }
        evidence { id stance credibility grade source { id name reliability } }
        assignments { id status reviewer { id displayName } }
      }
    }
    pageInfo { hasNextPage endCursor }
    totalCount
    facets {
      statuses { value count }
      priorities { value count }
      topics { value count }
    }
  }
}`;

/** The default queue view: no filter, most recently updated first, 50 rows. */
export const QUEUE_PAGE_VARIABLES = { sort: 'UPDATED_DESC', first: 50 };

export const QUEUE_PAGE_BODY = JSON.stringify({
  operationName: 'BenchQueuePage',
  query: QUEUE_PAGE_QUERY,
  variables: QUEUE_PAGE_VARIABLES,
});
