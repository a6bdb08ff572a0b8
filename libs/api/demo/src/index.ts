export * from './demo-data';
export * from './demo.module';
export * from './demo.seeder';
export * from './demo-claims';
