/**
 * The peer: PostGraphile v5 with its Amber preset over the same PostgreSQL database, answering
 * the equivalent queue page (peer-query.ts) at POST /graphql, in its own process.
 *
 * PostGraphile 5 declares Node >= 22; on Node 20 it runs once `Promise.withResolvers` exists, so
 * it is polyfilled here, in this process only (never in the product).
 *
 * Run: DATABASE_URL=postgres://… PORT=… node -r ./scripts/register.cjs tests/bench/src/peer-server.ts
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createRequire } from 'node:module';

interface Resolvers<T> {
  promise: Promise<T>;
  resolve: (value: T | PromiseLike<T>) => void;
  reject: (reason?: unknown) => void;
}
const PromiseWithResolvers = Promise as unknown as { withResolvers?: <T>() => Resolvers<T> };
if (typeof PromiseWithResolvers.withResolvers !== 'function') {
  PromiseWithResolvers.withResolvers = <T>(): Resolvers<T> => {
    let resolve!: Resolvers<T>['resolve'];
    let reject!: Resolvers<T>['reject'];
    const promise = new Promise<T>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise, resolve, reject };
  };
}

/**
 * The little of PostGraphile's API used here. Its modules are required untyped on purpose: its
 * type declarations augment graphql-js's own (ExecutionResult), which would leak into the type
 * check of the whole workspace, product included.
 */
interface Handler {
  (req: IncomingMessage, res: ServerResponse): void;
}
interface PostGraphileInstance {
  createServ(grafserv: unknown): { createHandler(): Handler };
  getSchemaResult(): Promise<unknown>;
}
interface PostGraphileModules {
  postgraphile(preset: Record<string, unknown>): PostGraphileInstance;
  PostGraphileAmberPreset: unknown;
  makePgService(options: Record<string, unknown>): unknown;
  grafserv: unknown;
}

function load(): PostGraphileModules {
  // Required after the polyfill above has run.
  const req = createRequire(__filename);
  const from = (id: string) => req(id) as Record<string, unknown>;
  return {
    postgraphile: from('postgraphile')['postgraphile'] as PostGraphileModules['postgraphile'],
    PostGraphileAmberPreset: from('postgraphile/presets/amber')['PostGraphileAmberPreset'],
    makePgService: from('postgraphile/adaptors/pg')[
      'makePgService'
    ] as PostGraphileModules['makePgService'],
    grafserv: from('postgraphile/grafserv/node')['grafserv'],
  };
}

async function main(): Promise<void> {
  const { postgraphile, PostGraphileAmberPreset, makePgService, grafserv } = load();
  const pgl = postgraphile({
    extends: [PostGraphileAmberPreset],
    pgServices: [
      makePgService({
        connectionString: process.env['DATABASE_URL'] ?? '',
        schemas: ['public'],
        poolConfig: { max: 10 },
      }),
    ],
    grafserv: { graphqlPath: '/graphql', graphiql: false, watch: false },
  });
  const serv = pgl.createServ(grafserv);
  // Build the schema before listening, so the load never measures start-up.
  await pgl.getSchemaResult();
  // createHandler (HTTP only) rather than addTo: no websockets here, and /health is ours.
  const handler = serv.createHandler();
  const server = createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/health') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"status":"ok"}');
      return;
    }
    handler(req, res);
  });
  server.listen(Number(process.env['PORT'] ?? 0), '127.0.0.1');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
