export * from './create-claim-modal';
export * from './queue-context';
export * from './queue-filters';
export * from './queue-list';
export * from './queue-page';
export * from './queue.graphql';
