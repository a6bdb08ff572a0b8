export * from './harness';
export * from './reviews';
export * from './access-matrix';
export * from './child-api';
