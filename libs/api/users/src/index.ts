export * from './dto/user.inputs';
export * from './dto/user.type';
export * from './passwords';
export * from './user.entity';
export * from './users.module';
export * from './users.service';
