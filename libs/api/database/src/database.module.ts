import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '@corroborate/api-core';
import { dataSourceOptions } from './data-source';
import { completeSqliteStatistics, optimizeSqlitePeriodically } from './sqlite-statistics';
import { guardStatements } from './statement-guard';
import { gateSqliteWrites } from './sqlite-write-gate';

/** How often a long-running process lets SQLite refresh statistics that went stale. */
const OPTIMIZE_EVERY_MS = 60 * 60 * 1000;

/**
 * The TypeORM connection for the configured database. Entities are collected from every
 * feature module's `TypeOrmModule.forFeature`. Migrations run on start unless MIGRATIONS_RUN=false.
 */
@Module({})
export class DatabaseModule {
  static forRoot(): DynamicModule {
    // Read from the config by useFactory, which Nest runs before dataSourceFactory.
    let statementTimeoutMs = 0;
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => {
            statementTimeoutMs =
              config.database.type === 'postgres' ? config.database.statementTimeoutMs : 0;
            return {
              ...dataSourceOptions(config.database, [], config.migrationsRun),
              autoLoadEntities: true,
              retryAttempts: 3,
              retryDelay: 1000,
            };
          },
          // Migrations run in initialize(); statements are guarded only after them.
          dataSourceFactory: async (options) => {
            if (!options) throw new Error('No database options');
            const dataSource = await new DataSource(options).initialize();
            guardStatements(dataSource, statementTimeoutMs);
            gateSqliteWrites(dataSource);
            await completeSqliteStatistics(dataSource);
            const stop = optimizeSqlitePeriodically(dataSource, OPTIMIZE_EVERY_MS);
            const destroy = dataSource.destroy.bind(dataSource);
            dataSource.destroy = () => {
              stop();
              return destroy();
            };
            return dataSource;
          },
        }),
      ],
    };
  }
}
