export * from './audit-event.entity';
export * from './audit.module';
export * from './audit.service';
export * from './dto/activity.types';
export * from './dto/audit-event.type';
