export * from './dto/notification.types';
export * from './notification.entity';
export * from './notifications.module';
export * from './notifications.service';
