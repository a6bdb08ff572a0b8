export * from './capture.entity';
export * from './captures.module';
