import { Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@corroborate/api-core';
import { LivePublisher } from './live-publisher';
import { createPubSub, LIVE_PUBSUB } from './live-pubsub';
import { LiveResolver } from './live.resolver';

@Module({
  providers: [
    {
      provide: LIVE_PUBSUB,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => createPubSub(config.redisUrl),
    },
    LivePublisher,
    LiveResolver,
  ],
  exports: [LIVE_PUBSUB],
})
export class LiveModule implements OnApplicationShutdown {
  constructor(@Inject(LIVE_PUBSUB) private readonly pubsub: { close(): Promise<unknown> }) {}

  async onApplicationShutdown(): Promise<void> {
    // With Redis down there is nothing to close cleanly; shutting down must still succeed.
    await this.pubsub.close().catch(() => undefined);
  }
}
