/**
 * The raw baseline: a minimal node:http server answering POST /graphql for the benchmark's queue
 * page (see queue-query.ts) with hand-written SQL on the same database, in the same JSON shape as
 * our GraphQL endpoint. It does the same work a request needs and nothing else: checks the
 * bearer token against the sessions table (HMAC-SHA-256 with SESSION_SECRET, like the product),
 * reads the page, its evidence with sources, its assignments with reviewers and the counts (from
 * the facet counts our schema keeps, as a hand-written server on this schema would).
 * It reads `first` from the variables and always serves the default queue view (no filter,
 * UPDATED_DESC) — the only request the benchmark sends.
 *
 * Run as its own process: DATABASE_URL=… SESSION_SECRET=… PORT=… node -r ./scripts/register.cjs
 * tests/bench/src/raw-server.ts
 */
import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import Database from 'better-sqlite3';
import { Pool } from 'pg';

const CLAIM_STATUSES = ['NEW', 'IN_REVIEW', 'NEEDS_ADJUDICATION', 'VERIFIED', 'REJECTED'];
const PRIORITIES_DESC = ['URGENT', 'HIGH', 'NORMAL', 'LOW'];

type Params = (string | number)[];
type Rows = Record<string, unknown>[];
interface Db {
  query(sql: string, params: Params): Promise<Rows>;
  /** `$1, $2, …` on PostgreSQL, `?, ?, …` on SQLite. */
  placeholders(count: number, offset?: number): string;
  iso(value: unknown): string | null;
  bool(value: unknown): boolean;
}

function sqliteDb(path: string): Db {
  const db = new Database(path, { readonly: false });
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  const cache = new Map<string, Database.Statement>();
  return {
    query: async (sql, params) => {
      let stmt = cache.get(sql);
      if (!stmt) {
        stmt = db.prepare(sql);
        cache.set(sql, stmt);
      }
      return stmt.all(...params) as Rows;
    },
    placeholders: (count) => Array.from({ length: count }, () => '?').join(', '),
    iso: (value) =>
      value === null || value === undefined
        ? null
        : new Date(`${String(value).replace(' ', 'T')}Z`).toISOString(),
    bool: (value) => value === 1 || value === true,
  };
}

function postgresDb(url: string): Db {
  const pool = new Pool({ connectionString: url, max: 10 });
  return {
    query: async (sql, params) => (await pool.query(sql, params)).rows as Rows,
    placeholders: (count, offset = 0) =>
      Array.from({ length: count }, (_, i) => `$${i + 1 + offset}`).join(', '),
    iso: (value) => (value instanceof Date ? value.toISOString() : null),
    bool: (value) => value === true,
  };
}

const url = process.env['DATABASE_URL'] ?? '';
const secret = process.env['SESSION_SECRET'] ?? '';
const db = url.startsWith('sqlite:') ? sqliteDb(url.slice('sqlite:'.length)) : postgresDb(url);
const postgres = !url.startsWith('sqlite:');

async function authenticate(req: IncomingMessage): Promise<boolean> {
  const header = req.headers.authorization ?? '';
  if (!header.startsWith('Bearer ')) return false;
  const tokenHash = createHmac('sha256', secret).update(header.slice(7)).digest('hex');
  const rows = await db.query(
    `SELECT s."expiresAt", s."createdAt", u."active", u."sessionsValidAfter" FROM "sessions" s JOIN "users" u ON u."id" = s."userId" WHERE s."tokenHash" = ${db.placeholders(1)}`,
    [tokenHash],
  );
  const row = rows[0];
  if (!row || !db.bool(row['active'])) return false;
  const expires = db.iso(row['expiresAt']);
  return !expires || Date.parse(expires) > Date.now();
}

/** The order the claims_updated index serves (an expression index on SQLite). */
const updatedOrder = postgres ? 'c."updatedAt"' : `strftime('%Y-%m-%d %H:%M:%f', c."updatedAt")`;

async function queuePage(first: number): Promise<unknown> {
  const page = await db.query(
    `SELECT c."id", c."text", c."claimant", c."status", c."priority", c."topics", c."dueAt", c."createdAt", c."updatedAt", p."id" AS "projectId", p."name" AS "projectName"
       FROM "claims" c JOIN "projects" p ON p."id" = c."projectId"
      ORDER BY ${updatedOrder} DESC, c."id" DESC LIMIT ${db.placeholders(1)}`,
    [first + 1],
  );
  const claims = page.slice(0, first);
  const ids = claims.map((c) => String(c['id']));
  const [evidence, assignments, counts] = await Promise.all([
    ids.length === 0
      ? Promise.resolve([])
      : db.query(
          `SELECT e."id", e."claimId", e."stance", e."credibility", s."id" AS "sourceId", s."name" AS "sourceName", s."reliability"
             FROM "evidence" e JOIN "sources" s ON s."id" = e."sourceId"
            WHERE e."claimId" IN (${db.placeholders(ids.length)}) AND e."retracted" = ${postgres ? 'false' : '0'}
            ORDER BY e."createdAt", e."id"`,
          ids,
        ),
    ids.length === 0
      ? Promise.resolve([])
      : db.query(
          `SELECT a."id", a."claimId", a."status", u."id" AS "reviewerId", u."displayName"
             FROM "assignments" a JOIN "users" u ON u."id" = a."reviewerId"
            WHERE a."claimId" IN (${db.placeholders(ids.length)})
            ORDER BY a."createdAt", a."id"`,
          ids,
        ),
    // The counts the product's schema keeps (claim_facet_counts, see the QueueFacetCounts
    // migrations): signed deltas summed per key.
    db.query(
      `SELECT "dim", "value", SUM("n") AS "n" FROM "claim_facet_counts" GROUP BY "dim", "value"`,
      [],
    ),
  ]);
  const evidenceOf = new Map<string, unknown[]>();
  for (const e of evidence) {
    const list = evidenceOf.get(String(e['claimId'])) ?? [];
    list.push({
      id: e['id'],
      stance: e['stance'],
      credibility: Number(e['credibility']),
      grade: `${String(e['reliability'])}${String(e['credibility'])}`,
      source: { id: e['sourceId'], name: e['sourceName'], reliability: e['reliability'] },
    });
    evidenceOf.set(String(e['claimId']), list);
  }
  const assignmentsOf = new Map<string, unknown[]>();
  for (const a of assignments) {
    const list = assignmentsOf.get(String(a['claimId'])) ?? [];
    list.push({
      id: a['id'],
      status: a['status'],
      reviewer: { id: a['reviewerId'], displayName: a['displayName'] },
    });
    assignmentsOf.set(String(a['claimId']), list);
  }
  const counted = (dim: string) =>
    new Map(
      counts.filter((r) => r['dim'] === dim).map((r) => [String(r['value']), Number(r['n'])]),
    );
  const statuses = counted('status');
  const priorities = counted('priority');
  const total = [...statuses.values()].reduce((a, b) => a + b, 0);
  const edges = claims.map((c) => {
    const id = String(c['id']);
    const updatedAt = db.iso(c['updatedAt']);
    const items = evidenceOf.get(id) ?? [];
    return {
      cursor: Buffer.from(JSON.stringify(['UPDATED_DESC', updatedAt, id]), 'utf8').toString(
        'base64url',
      ),
      node: {
        id,
        text: c['text'],
        claimant: c['claimant'],
        status: c['status'],
        priority: c['priority'],
        topics: JSON.parse(String(c['topics'])) as string[],
        dueAt: db.iso(c['dueAt']),
        evidenceCount: items.length,
        createdAt: db.iso(c['createdAt']),
        updatedAt,
        project: { id: c['projectId'], name: c['projectName'] },
        evidence: items,
        assignments: assignmentsOf.get(id) ?? [],
      },
    };
  });
  return {
    data: {
      claims: {
        edges,
        pageInfo: { hasNextPage: page.length > first, endCursor: edges.at(-1)?.cursor ?? null },
        totalCount: total,
        facets: {
          statuses: CLAIM_STATUSES.map((value) => ({ value, count: statuses.get(value) ?? 0 })),
          priorities: PRIORITIES_DESC.map((value) => ({
            value,
            count: priorities.get(value) ?? 0,
          })),
          topics: [...counted('topic')]
            .filter(([, count]) => count > 0)
            .map(([value, count]) => ({ value, count }))
            .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)),
        },
      },
    },
  };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(json),
  });
  res.end(json);
}

const server = createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/health') return send(res, 200, { status: 'ok' });
  if (req.method !== 'POST' || req.url !== '/graphql')
    return send(res, 404, { error: 'not found' });
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    void (async () => {
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
          variables?: { first?: number };
        };
        if (!(await authenticate(req)))
          return send(res, 200, {
            errors: [{ message: 'Sign in first', extensions: { code: 'UNAUTHENTICATED' } }],
          });
        send(res, 200, await queuePage(Math.min(100, body.variables?.first ?? 50)));
      } catch (error) {
        send(res, 500, { errors: [{ message: String(error) }] });
      }
    })();
  });
});

server.listen(Number(process.env['PORT'] ?? 0), '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  process.stdout.write(`listening on ${port}\n`);
});
