export * from './data-source';
export * from './portable-columns';
export * from './database.module';
export * from './migrations/postgres';
export * from './migrations/sqlite';
export * from './row-reader';
export * from './bulk-insert';
export * from './statement-guard';
