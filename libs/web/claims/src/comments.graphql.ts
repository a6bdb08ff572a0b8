import { graphql } from '@corroborate/graphql';

export const commentFieldsFragment = graphql(`
  fragment CommentFields on Comment {
    id
    parentId
    body
    createdAt
    editedAt
    editableUntil
    canEdit
    author {
      id
      displayName
    }
    mentions {
      id
      displayName
    }
  }
`);

export const addCommentMutation = graphql(`
  mutation AddComment($input: AddCommentInput!) {
    addComment(input: $input) {
      ...CommentFields
    }
  }
`);

export const editCommentMutation = graphql(`
  mutation EditComment($input: EditCommentInput!) {
    editComment(input: $input) {
      ...CommentFields
    }
  }
`);

export const mentionableUsersQuery = graphql(`
  query MentionableUsers {
    mentionableUsers {
      id
      displayName
      email
    }
  }
`);
