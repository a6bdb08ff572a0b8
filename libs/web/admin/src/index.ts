export * from './change-role-modal';
export * from './create-user-modal';
export * from './password-rules';
export * from './reset-password-modal';
export * from './users-page';
export * from './users.graphql';
export * from './organisation-page';
export * from './organisation.graphql';
