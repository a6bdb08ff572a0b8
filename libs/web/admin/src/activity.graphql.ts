import { graphql } from '@corroborate/graphql';

export const activityQuery = graphql(`
  query Activity($filter: ActivityFilter, $first: Int, $after: String) {
    activity(filter: $filter, first: $first, after: $after) {
      edges {
        cursor
        node {
          id
          at
          action
          entityType
          entityId
          reason
          actor {
            id
            displayName
          }
          changes {
            field
            before
            after
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);
