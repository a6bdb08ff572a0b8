/**
 * `npm run bench:duplicates`: latency of the duplicate lookup at intake (`likelyDuplicates`, what
 * the new-claim form asks as you type) on the seeded databases, through our real GraphQL endpoint
 * started as in `npm run bench`. Sequential requests (one person typing), texts of existing claims
 * with one word changed, so every lookup has real candidates. Prints p50/p95/p99.
 * Settings: BENCH_CLAIMS, BENCH_DB, BENCH_LOOKUPS (default 200).
 */
import Database from 'better-sqlite3';
import { Client } from 'pg';
import { bearerToken } from './client';
import { benchOptions, databaseUrl, type Dialect, sizeLabel, sqlitePath } from './options';
import { ensureSeeded } from './seed';
import { startOurs } from './servers';

const QUERY = `query($projectId: ID!, $text: String!) {
  likelyDuplicates(projectId: $projectId, text: $text, first: 5) { score claim { id text } }
}`;

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
  // One word changed, as when someone retypes a claim they read elsewhere.
  return rows.map((r) => ({ projectId: r.projectId, text: r.text.replace(/\bin\b/, 'near') }));
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function main(): Promise<void> {
  const options = benchOptions();
  const lookups = Number(process.env['BENCH_LOOKUPS'] ?? 200);
  const lines = [
    '| database | claims | lookups | p50 ms | p95 ms | p99 ms | candidates per lookup (mean) |',
    '| -------- | -----: | ------: | -----: | -----: | -----: | ---------------------------: |',
  ];
  for (const dialect of options.dialects) {
    const url = await ensureSeeded(dialect, options.claims);
    const inputs = await samples(dialect, options.claims, lookups);
    const ours = await startOurs(dialect, url);
    try {
      const token = await bearerToken(ours);
      const ask = async (input: { projectId: string; text: string }) => {
        const started = performance.now();
        const res = await fetch(`${ours.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ query: QUERY, variables: input }),
        });
        const json = (await res.json()) as {
          data?: { likelyDuplicates: unknown[] };
          errors?: unknown;
        };
        if (!json.data) throw new Error(`likelyDuplicates failed: ${JSON.stringify(json.errors)}`);
        return { ms: performance.now() - started, found: json.data.likelyDuplicates.length };
      };
      for (const input of inputs.slice(0, 20)) await ask(input); // warm-up
      const results = [];
      for (const input of inputs) results.push(await ask(input));
      process.stderr.write(`[duplicates] ${dialect}: ${results.length} lookups done\n`);
      const sorted = results.map((r) => r.ms).sort((a, b) => a - b);
      const found = results.reduce((s, r) => s + r.found, 0) / results.length;
      lines.push(
        `| ${dialect} | ${sizeLabel(options.claims)} | ${lookups} | ${percentile(sorted, 50).toFixed(1)} | ${percentile(sorted, 95).toFixed(1)} | ${percentile(sorted, 99).toFixed(1)} | ${found.toFixed(1)} |`,
      );
      process.stderr.write(`[duplicates] ${lines.at(-1)}\n`);
    } finally {
      await ours.stop();
    }
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
