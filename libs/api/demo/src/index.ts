export * from './demo-data';
export * from './demo.module';
export * from './demo.seeder';
