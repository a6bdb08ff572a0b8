export * from './claim.entity';
export * from './claims.module';
