export * from './source-detail-page';
export * from './source-modals';
export * from './sources-page';
export * from './sources.graphql';
