import { graphql } from '@corroborate/graphql';

export const apiTokenFieldsFragment = graphql(`
  fragment ApiTokenFields on ApiToken {
    id
    name
    createdAt
    expiresAt
    lastUsedAt
  }
`);

export const apiTokensQuery = graphql(`
  query ApiTokens {
    apiTokens {
      ...ApiTokenFields
    }
  }
`);

export const createApiTokenMutation = graphql(`
  mutation CreateApiToken($input: CreateApiTokenInput!) {
    createApiToken(input: $input) {
      token
      apiToken {
        ...ApiTokenFields
      }
    }
  }
`);

export const revokeApiTokenMutation = graphql(`
  mutation RevokeApiToken($id: ID!) {
    revokeApiToken(id: $id)
  }
`);
