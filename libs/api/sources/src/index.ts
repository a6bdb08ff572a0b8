export * from './source.entity';
export * from './sources.module';
