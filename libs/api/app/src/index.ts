export * from './app.module';
export * from './create-app';
export * from './schema-file';
export * from './graphql-limits';
export * from './compiled-queries';
