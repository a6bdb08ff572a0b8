import { graphql } from '@corroborate/graphql';

export const unreadNotificationCountQuery = graphql(`
  query UnreadNotificationCount {
    unreadNotificationCount
  }
`);

export const myActivitySubscription = graphql(`
  subscription MyActivity {
    myActivity {
      action
      claimId
      summary
      at
    }
  }
`);

export const notificationsQuery = graphql(`
  query Notifications($first: Int!, $after: String, $unreadOnly: Boolean!) {
    notifications(first: $first, after: $after, unreadOnly: $unreadOnly) {
      unreadCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        kind
        message
        createdAt
        readAt
        commentId
        claim {
          id
          text
        }
      }
    }
  }
`);

export const markNotificationsReadMutation = graphql(`
  mutation MarkNotificationsRead($ids: [ID!]!) {
    markNotificationsRead(ids: $ids) {
      id
      readAt
    }
  }
`);

export const markAllNotificationsReadMutation = graphql(`
  mutation MarkAllNotificationsRead {
    markAllNotificationsRead
  }
`);
