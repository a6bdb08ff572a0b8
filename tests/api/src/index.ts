export * from './harness';
export * from './reviews';
