export * from './api-tokens-page';
export * from './auth.graphql';
export * from './password-page';
export * from './redirect';
export * from './require-auth';
export * from './sign-in-page';
export * from './use-sign-out';
export * from './session-expiry';
