export * from './claim.entity';
export * from './claims.loaders';
export * from './claims.module';
export * from './claims.repository';
export * from './claims.service';
export * from './dto/claim.enums';
export * from './dto/claim.inputs';
export * from './dto/claim.type';
