export * from './access';
export * from './config';
export * from './errors';
export * from './graphql-errors';
export * from './validation';
export * from './core.module';
export * from './app-error.filter';
