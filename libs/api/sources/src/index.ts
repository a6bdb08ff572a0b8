export * from './dto/source.enums';
export * from './dto/source.inputs';
export * from './dto/source.type';
export * from './source.entity';
export * from './sources.module';
export * from './sources.service';
