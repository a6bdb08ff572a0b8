export * from './dashboard-filters';
export * from './dashboard-page';
