/**
 * `npm run bench:duplicates`: latency of the duplicate lookup at intake (`likelyDuplicates`, what
 * the new-claim form asks as you type) on the seeded databases, through our real GraphQL endpoint
 * started as in `npm run bench`. Sequential requests (one person typing), texts of existing claims
 * with one word changed, so every lookup has real candidates. Prints p50/p95/p99, and the same
 * for an in-run baseline: `{ me { id } }` through the same endpoint with the same token, sent
 * right after each lookup (what any authenticated request costs on the machine at that moment),
 * with the ratio lookup ÷ baseline at p95, and the first lookup of each project apart (before the
 * warm-up: on SQLite it builds the trigram sets the later lookups of that project reuse).
 * Settings: BENCH_CLAIMS, BENCH_DB, BENCH_LOOKUPS (default 200), BENCH_CORPUS (pessimistic, the
 * default, or realistic: see options.ts), BENCH_DATA_DIR and BENCH_PG_DATABASE (a copy of your
 * own, see options.ts), BENCH_DUPLICATES_MEMORY (the server's DUPLICATES_MEMORY_MB, a list: one
 * server per value, one after the other, e.g. `256,0` for kept trigram sets against none in one
 * run; default: the product's default), BENCH_DUPLICATES_WRITES=1 (a claim created in the project
 * before each lookup, untimed: the lookups then also bring their kept sets up to date).
 */
import Database from 'better-sqlite3';
import { Client } from 'pg';
import { bearerToken } from './client';
import {
  benchOptions,
  databaseUrl,
  type Dialect,
  seedCorpus,
  sizeLabel,
  sqlitePath,
} from './options';
import { ensureSeeded } from './seed';
import { startOurs } from './servers';

const QUERY = `query($projectId: ID!, $text: String!) {
  likelyDuplicates(projectId: $projectId, text: $text, first: 5) { score claim { id text } }
}`;
const BASELINE = '{ me { id } }';
const CREATE = 'mutation($input: CreateClaimInput!) { createClaim(input: $input) { id } }';
const writes = process.env['BENCH_DUPLICATES_WRITES'] === '1';

async function samples(dialect: Dialect, claims: number, count: number) {
  // Claims spread over the whole table: every (claims / count)-th by id (one indexed statement).
  const step = Math.max(1, Math.floor(claims / count));
  const sql = `SELECT "projectId", "text" FROM (SELECT "projectId", "text", ROW_NUMBER() OVER (ORDER BY "id") AS "n" FROM "claims") s WHERE "n" % ${step} = 0 LIMIT ${count}`;
  let rows: { projectId: string; text: string }[];
  if (dialect === 'sqlite') {
    const db = new Database(sqlitePath(claims), { readonly: true });
    rows = db.prepare(sql).all() as { projectId: string; text: string }[];
    db.close();
  } else {
    const client = new Client({ connectionString: databaseUrl(dialect, claims) });
    await client.connect();
    rows = (await client.query<{ projectId: string; text: string }>(sql)).rows;
    await client.end();
  }
  // One word changed, as when someone retypes a claim they read elsewhere ("in" → "near"; the
  // realistic corpus has texts without "in": there "the" → "a").
  return rows.map((r) => {
    const changed = r.text.replace(/\bin\b/, 'near');
    return {
      projectId: r.projectId,
      text: changed !== r.text ? changed : r.text.replace(/\bthe\b/i, 'a'),
    };
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function main(): Promise<void> {
  const options = benchOptions();
  const lookups = Number(process.env['BENCH_LOOKUPS'] ?? 200);
  const lines = [
    '| corpus | database | claims | memory MB | writes | lookups | p50 ms | p95 ms | p99 ms | matches per lookup (mean) | baseline p50 / p95 ms | p95 ÷ baseline p95 | first lookup per project, median / max ms |',
    '| ------ | -------- | -----: | --------: | ------ | ------: | -----: | -----: | -----: | ------------------------: | --------------------: | -----------------: | ----------------: |',
  ];
  const memories = (process.env['BENCH_DUPLICATES_MEMORY'] ?? '').split(',').map((m) => m.trim());
  for (const dialect of options.dialects) {
    const url = await ensureSeeded(dialect, options.claims);
    const inputs = await samples(dialect, options.claims, lookups);
    for (const memory of memories) await measure(dialect, url, inputs, memory);
  }
  process.stdout.write(`${lines.join('\n')}\n`);

  async function measure(
    dialect: Dialect,
    url: string,
    inputs: { projectId: string; text: string }[],
    memory: string,
  ): Promise<void> {
    const ours = await startOurs(dialect, url, memory ? { DUPLICATES_MEMORY_MB: memory } : {});
    try {
      const token = await bearerToken(ours);
      const post = async (query: string, variables: Record<string, unknown>) => {
        const started = performance.now();
        const res = await fetch(`${ours.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query, variables }),
        });
        const json = (await res.json()) as {
          data?: { likelyDuplicates?: unknown[] } | null;
          errors?: unknown;
        };
        if (!json.data) throw new Error(`request failed: ${JSON.stringify(json.errors)}`);
        return { ms: performance.now() - started, found: json.data.likelyDuplicates?.length ?? 0 };
      };
      const ask = (input: { projectId: string; text: string }) => post(QUERY, input);
      // The first lookup of each project, timed apart: it reads the project's texts and builds
      // the trigram sets later lookups reuse (SQLite: until a claim text of it changes;
      // PostgreSQL: later ones apply the changes since).
      const firsts: number[] = [];
      for (const projectId of new Set(inputs.map((i) => i.projectId)))
        firsts.push((await ask(inputs.find((i) => i.projectId === projectId)!)).ms);
      firsts.sort((a, b) => a - b);
      for (const input of inputs.slice(0, 20)) await ask(input); // warm-up
      const results = [];
      const baseline = [];
      for (const input of inputs) {
        // With BENCH_DUPLICATES_WRITES=1, a claim is created in the project before each lookup
        // (not timed), so each lookup first brings the kept sets up to date with it.
        if (writes)
          await post(CREATE, {
            input: { projectId: input.projectId, text: `${input.text} again` },
          });
        results.push(await ask(input));
        baseline.push((await post(BASELINE, {})).ms);
      }
      process.stderr.write(`[duplicates] ${dialect}: ${results.length} lookups done\n`);
      const sorted = results.map((r) => r.ms).sort((a, b) => a - b);
      const base = baseline.sort((a, b) => a - b);
      const found = results.reduce((s, r) => s + r.found, 0) / results.length;
      const p95 = percentile(sorted, 95);
      lines.push(
        `| ${seedCorpus()} | ${dialect} | ${sizeLabel(options.claims)} | ${memory || 'default'} | ${writes ? 'a claim before each' : 'none'} | ${inputs.length} | ${percentile(sorted, 50).toFixed(1)} | ${p95.toFixed(1)} | ${percentile(sorted, 99).toFixed(1)} | ${found.toFixed(1)} | ${percentile(base, 50).toFixed(1)} / ${percentile(base, 95).toFixed(1)} | ${(p95 / percentile(base, 95)).toFixed(1)}× | ${percentile(firsts, 50).toFixed(0)} / ${firsts[firsts.length - 1].toFixed(0)} |`,
      );
      process.stderr.write(`[duplicates] ${lines.at(-1)}\n`);
    } finally {
      await ours.stop();
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
