export * from './auth.module';
export * from './auth.service';
export * from './session.entity';
