export * from './dto/live-event.type';
export * from './live-events';
export * from './live-pubsub';
export * from './live.module';
