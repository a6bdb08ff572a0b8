export * from './harness';
export * from './reviews';
export * from './access-matrix';
export * from './imports';
export * from './child-api';
export * from './relay';
export * from './nginx';
export * from './cli';
