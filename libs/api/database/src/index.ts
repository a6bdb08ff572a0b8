export * from './data-source';
export * from './portable-columns';
export * from './database.module';
