export * from './dashboard.module';
export * from './dashboard.service';
export * from './dto/dashboard.input';
export * from './dto/dashboard.type';
