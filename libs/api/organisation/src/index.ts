export * from './dto/organisation.inputs';
export * from './dto/organisation.type';
export * from './organisation.entity';
export * from './organisation.module';
export * from './organisation.service';
