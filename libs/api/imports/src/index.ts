export * from './dto/intake.types';
export * from './duplicates.service';
export * from './import-reader';
export * from './imports.controller';
export * from './imports.module';
export * from './imports.service';
export * from './merge.service';
