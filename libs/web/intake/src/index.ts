export * from './duplicate-suggestions';
export * from './extract-page';
export * from './import-page';
export * from './merge-dialog';
export * from './upload-import';
