export { graphql } from './generated/gql';
export type { DocumentType } from './generated/gql';
export * from './generated/graphql';
