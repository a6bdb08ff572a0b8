export * from './claim-page';
export * from './claim.graphql';
export * from './format-quantity';
