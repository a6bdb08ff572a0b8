import { graphql } from '@corroborate/graphql';

export const sourceFieldsFragment = graphql(`
  fragment SourceFields on Source {
    id
    name
    kind
    homepage
    reliability
    reliabilityNote
    version
    createdAt
    updatedAt
    evidenceCount
  }
`);

export const sourcesQuery = graphql(`
  query Sources($search: String, $kinds: [SourceKind!], $first: Int, $after: String) {
    sources(search: $search, kinds: $kinds, first: $first, after: $after) {
      edges {
        cursor
        node {
          ...SourceFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      totalCount
    }
  }
`);

export const sourceQuery = graphql(`
  query Source($id: ID!) {
    source(id: $id) {
      ...SourceFields
      evidence(includeRetracted: true) {
        id
        url
        title
        stance
        grade
        retracted
        publishedAt
        createdAt
        claim {
          id
          text
          status
        }
      }
      history {
        ...AuditEventFields
      }
    }
  }
`);

export const createSourceMutation = graphql(`
  mutation CreateSource($input: CreateSourceInput!) {
    createSource(input: $input) {
      ...SourceFields
    }
  }
`);

export const updateSourceMutation = graphql(`
  mutation UpdateSource($input: UpdateSourceInput!) {
    updateSource(input: $input) {
      ...SourceFields
    }
  }
`);

export const regradeSourceMutation = graphql(`
  mutation RegradeSource($input: RegradeSourceInput!) {
    regradeSource(input: $input) {
      ...SourceFields
    }
  }
`);
