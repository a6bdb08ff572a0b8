import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { type DynamicModule, Module } from '@nestjs/common';
import { GraphQLModule, type GraphQLWsSubscriptionsConfig } from '@nestjs/graphql';
import { AuditModule } from '@corroborate/api-audit';
import { AuthModule } from '@corroborate/api-auth';
import { CapturesModule } from '@corroborate/api-captures';
import { ClaimsModule } from '@corroborate/api-claims';
import { CommentsModule } from '@corroborate/api-comments';
import { type AppConfig, CoreModule, formatGraphQLError } from '@corroborate/api-core';
import { DashboardModule } from '@corroborate/api-dashboard';
import { DatabaseModule } from '@corroborate/api-database';
import { DemoModule } from '@corroborate/api-demo';
import { EvidenceModule } from '@corroborate/api-evidence';
import { ExportsModule } from '@corroborate/api-exports';
import { ImportsModule } from '@corroborate/api-imports';
import { LiveModule } from '@corroborate/api-live';
import { NotificationsModule } from '@corroborate/api-notifications';
import { OrganisationModule } from '@corroborate/api-organisation';
import { ProjectsModule } from '@corroborate/api-projects';
import { ReviewsModule } from '@corroborate/api-reviews';
import { SourcesModule } from '@corroborate/api-sources';
import { UsersModule } from '@corroborate/api-users';
import { HealthController } from './health.controller';
import { graphqlArmor } from './graphql-limits';
import { type CompiledQueries } from './compiled-queries';
import { noStorePlugins } from './no-store.plugin';
import {
  formatSubscriptionErrors,
  formatSubscriptionResult,
  graphqlContext,
  onlySubscriptions,
  sameOriginSocket,
  subscriptionsOverSocketPlugin,
} from './subscriptions';

/** Everything that works with data, without the HTTP/GraphQL layer: shared by the API and the CLI. */
export function domainModules() {
  return [
    DatabaseModule.forRoot(),
    AuditModule,
    UsersModule,
    AuthModule,
    ProjectsModule,
    SourcesModule,
    ClaimsModule,
    EvidenceModule,
    CapturesModule,
    NotificationsModule,
    ReviewsModule,
    CommentsModule,
    OrganisationModule,
    ExportsModule,
    ImportsModule,
    DashboardModule,
    DemoModule,
  ];
}

@Module({})
export class AppModule {
  /** `compiled`: the compiled queries, shared with the HTTP fast path ({@link CompiledQueries}). */
  static forRoot(config: AppConfig, compiled: CompiledQueries): DynamicModule {
    const armor = graphqlArmor();
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(config),
        ...domainModules(),
        LiveModule,
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          path: '/graphql',
          autoSchemaFile: true,
          sortSchema: true,
          playground: false,
          introspection: config.env !== 'production',
          includeStacktraceInErrorResponses: false,
          csrfPrevention: true,
          allowBatchedHttpRequests: false,
          plugins: [
            ...armor.plugins,
            ...noStorePlugins(),
            compiled.plugin(),
            subscriptionsOverSocketPlugin(),
          ],
          validationRules: armor.validationRules,
          formatError: formatGraphQLError,
          context: graphqlContext,
          subscriptions: {
            // onError is passed on to graphql-ws's server, though Nest's type does not list it.
            'graphql-ws': {
              path: '/graphql',
              onConnect: sameOriginSocket,
              onSubscribe: onlySubscriptions,
              onNext: formatSubscriptionResult,
              onError: formatSubscriptionErrors,
            } as GraphQLWsSubscriptionsConfig,
          },
        }),
      ],
      controllers: [HealthController],
    };
  }
}
