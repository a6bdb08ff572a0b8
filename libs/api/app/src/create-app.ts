import { existsSync } from 'node:fs';
import { type Server } from 'node:http';
import { join } from 'node:path';
import { type INestApplication, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type NestExpressApplication } from '@nestjs/platform-express';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { AppErrorFilter, type AppConfig, createValidationPipe } from '@corroborate/api-core';
import { AuthService } from '@corroborate/api-auth';
import { DemoSeeder } from '@corroborate/api-demo';
import { AppModule } from './app.module';
import { GRAPHQL_LIMITS } from './graphql-limits';
import { CompiledQueries } from './compiled-queries';
import { graphqlContext } from './subscriptions';

const LEVELS: LogLevel[] = ['error', 'warn', 'log', 'debug', 'verbose'];

/**
 * Builds the whole API (GraphQL, /health, the web app) without listening, so the server entry
 * point and the tests start exactly the same thing.
 */
export async function createApp(config: AppConfig): Promise<INestApplication> {
  const compiled = new CompiledQueries(graphqlContext);
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot(config, compiled),
    {
      logger: LEVELS.slice(0, LEVELS.indexOf(config.logLevel) + 1),
      bodyParser: false,
    },
  );
  // GraphQL bodies are small; files and imports stream through their own endpoints.
  app.useBodyParser('json', { limit: GRAPHQL_LIMITS.maxBodyBytes });
  app.set('trust proxy', config.trustProxy);
  const server = app.getHttpServer() as Server;
  server.keepAliveTimeout = config.httpKeepAliveMs;
  // Node's advice: the headers timeout above the keep-alive one, or it can cut a reused connection.
  server.headersTimeout = Math.max(server.headersTimeout, config.httpKeepAliveMs + 1000);
  app.disable('x-powered-by');
  // No ETag hashed over every answer: GraphQL answers POSTs, which no cache revalidates (static
  // files keep theirs from serve-static).
  app.set('etag', false);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          'default-src': ["'self'"],
          'script-src': ["'self'"],
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:', 'https:'],
          'connect-src': ["'self'"],
        },
      },
    }),
  );
  // Queries whose text Apollo has accepted are answered here, before Apollo (see CompiledQueries).
  app.use(compiled.middleware('/graphql'));
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AppErrorFilter());
  app.enableShutdownHooks();
  serveWebApp(app, config.webDist);
  return app;
}

/** Work done once the database is migrated: drop expired sessions; seed the demo on a first start. */
export async function runStartupTasks(app: INestApplication, config: AppConfig): Promise<void> {
  await app.get(AuthService).purgeExpired();
  const demo = app.get(DemoSeeder);
  if (config.demoSeed && (await demo.isEmpty())) await demo.seed();
}

/** Serves the built web app and sends index.html for client-side routes. */
function serveWebApp(app: NestExpressApplication, webDist: string): void {
  const index = join(webDist, 'index.html');
  app.use(express.static(webDist, { index: false, maxAge: '1h' }));
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (
      req.method !== 'GET' ||
      req.path.startsWith('/graphql') ||
      req.path.startsWith('/api/') ||
      req.path === '/health'
    )
      return next();
    if (!req.accepts('html')) return next();
    if (existsSync(index)) return res.sendFile(index, { maxAge: 0 });
    res
      .status(503)
      .type('text/plain')
      .send(
        'The web app has not been built. Run `npm run build` (or `npm start`, which builds it).',
      );
  });
}
