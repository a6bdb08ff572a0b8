export * from './export-client';
export * from './export-filters';
export * from './export-page';
