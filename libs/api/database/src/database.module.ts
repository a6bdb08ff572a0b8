import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '@corroborate/api-core';
import { dataSourceOptions } from './data-source';

/**
 * The TypeORM connection for the configured database. Entities are collected from every
 * feature module's `TypeOrmModule.forFeature`. Migrations run on start unless MIGRATIONS_RUN=false.
 */
@Module({})
export class DatabaseModule {
  static forRoot(): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => ({
            ...dataSourceOptions(config.database, [], config.migrationsRun),
            autoLoadEntities: true,
            retryAttempts: 3,
            retryDelay: 1000,
          }),
        }),
      ],
    };
  }
}
