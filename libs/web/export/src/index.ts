export * from './export-client';
export * from './export-filters';
export * from './export-page';
export * from './releases-page';
export * from './releases.graphql';
