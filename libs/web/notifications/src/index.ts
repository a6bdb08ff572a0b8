export * from './notifications-bell';
export * from './notifications-page';
