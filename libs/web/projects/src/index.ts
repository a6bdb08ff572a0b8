export * from './project-detail-page';
export * from './project-form-modal';
export * from './projects-page';
export * from './projects.graphql';
