export * from './dto/export-filter.input';
export * from './export.entity';
export * from './export-records';
export * from './exports.controller';
export * from './exports.module';
export * from './exports.service';
