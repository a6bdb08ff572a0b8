/**
 * `npm run bench`: seeds (or reuses) the benchmark databases, starts the raw baseline, our product
 * and (on PostgreSQL) PostGraphile as separate processes, checks they answer the same queue page,
 * then loads each with autocannon from this process, interleaved, for several rounds, and prints
 * medians and ratios. Settings: see options.ts (BENCH_CLAIMS, BENCH_DB, BENCH_TARGETS,
 * BENCH_CONNECTIONS, BENCH_ROUNDS, BENCH_DURATION, BENCH_WARMUP).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { bearerToken } from './client';
import { PEER_BODY, peerToQueuePage } from './peer-query';
import { QUEUE_PAGE_BODY } from './queue-query';
import { benchOptions, DATA_DIR, type Dialect, sizeLabel } from './options';
import { ensureSeeded } from './seed';
import { type Server, startOurs, startPeer, startRaw, type Target } from './servers';

interface Measurement {
  dialect: Dialect;
  target: Target;
  connections: number;
  round: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

function log(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function requestOf(
  target: Target,
  token: string,
): { body: string; headers: Record<string, string> } {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (target !== 'peer') headers['authorization'] = `Bearer ${token}`;
  return { body: target === 'peer' ? PEER_BODY : QUEUE_PAGE_BODY, headers };
}

async function fetchPage(server: Server, token: string): Promise<unknown> {
  const { body, headers } = requestOf(server.target, token);
  const res = await fetch(`${server.url}/graphql`, { method: 'POST', headers, body });
  const json = (await res.json()) as { data?: unknown; errors?: unknown };
  if (json.errors || res.status !== 200)
    throw new Error(
      `${server.target} answered ${res.status}: ${JSON.stringify(json).slice(0, 500)}`,
    );
  return server.target === 'peer' ? peerToQueuePage(json.data) : json.data;
}

/** JSON with sorted keys, for comparing answers. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : v,
  );
}

async function load(
  server: Server,
  token: string,
  connections: number,
  duration: number,
): Promise<autocannon.Result> {
  const { body, headers } = requestOf(server.target, token);
  return autocannon({
    url: `${server.url}/graphql`,
    method: 'POST',
    headers,
    body,
    connections,
    duration,
  });
}

function fmt(n: number, digits = 0): string {
  return n.toFixed(digits);
}

function table(results: Measurement[], options: ReturnType<typeof benchOptions>): string {
  const lines = [
    '| database | claims | connections | server | req/s | p50 ms | p99 ms | errors | ours ÷ this |',
    '| -------- | -----: | ----------: | ------ | ----: | -----: | -----: | -----: | ----------: |',
  ];
  for (const dialect of options.dialects)
    for (const connections of options.connections) {
      const of = (target: Target) =>
        results.filter(
          (m) => m.dialect === dialect && m.target === target && m.connections === connections,
        );
      const ours = of('ours');
      const oursRps = ours.length ? median(ours.map((m) => m.rps)) : NaN;
      for (const target of ['raw', 'ours', 'peer'] as const) {
        const ms = of(target);
        if (ms.length === 0) continue;
        const rps = median(ms.map((m) => m.rps));
        lines.push(
          `| ${dialect} | ${sizeLabel(options.claims)} | ${connections} | ${target} | ${fmt(rps)} | ${fmt(median(ms.map((m) => m.p50)), 1)} | ${fmt(median(ms.map((m) => m.p99)), 1)} | ${ms.reduce((s, m) => s + m.errors, 0)} | ${target === 'ours' ? '—' : `${fmt(oursRps / rps, 2)}×`} |`,
        );
      }
    }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const options = benchOptions();
  log(
    `claims=${options.claims} db=${options.dialects.join(',')} targets=${options.targets.join(',')} connections=${options.connections.join(',')} rounds=${options.rounds} duration=${options.duration}s`,
  );
  const results: Measurement[] = [];
  const starts: string[] = [];
  for (const dialect of options.dialects) {
    const url = await ensureSeeded(dialect, options.claims);
    const servers: Server[] = [];
    try {
      const ours = await startOurs(dialect, url);
      servers.push(ours);
      starts.push(`${dialect}: ours ready in ${ours.startMs} ms`);
      const token = await bearerToken(ours);
      if (options.targets.includes('raw')) servers.unshift(await startRaw(url));
      if (options.targets.includes('peer') && dialect === 'postgres')
        servers.push(await startPeer(url));
      const active = servers.filter((s) => options.targets.includes(s.target));
      // Same answer from every server, or the comparison means nothing.
      const answers = await Promise.all(active.map((s) => fetchPage(s, token)));
      for (let i = 1; i < active.length; i++)
        if (canonical(answers[i]) !== canonical(answers[0])) {
          const file = join(DATA_DIR, `mismatch-${dialect}-${active[i].target}.json`);
          writeFileSync(
            file,
            JSON.stringify(
              { [active[0].target]: answers[0], [active[i].target]: answers[i] },
              null,
              1,
            ),
          );
          throw new Error(
            `${active[i].target} and ${active[0].target} answer differently on ${dialect}; see ${file}`,
          );
        }
      log(`${dialect}: ${active.map((s) => s.target).join(', ')} answer the same queue page`);
      for (const s of active) await load(s, token, 10, options.warmup);
      for (let round = 1; round <= options.rounds; round++)
        for (const connections of options.connections)
          for (const s of active) {
            const r = await load(s, token, connections, options.duration);
            const m: Measurement = {
              dialect,
              target: s.target,
              connections,
              round,
              rps: r.requests.average,
              p50: r.latency.p50,
              p99: r.latency.p99,
              errors: r.errors + r.timeouts + r.non2xx,
            };
            results.push(m);
            log(
              `${dialect} round ${round} c=${connections} ${s.target}: ${fmt(m.rps)} req/s p50 ${m.p50} ms p99 ${m.p99} ms errors ${m.errors}`,
            );
          }
      // Still the same answer after the load.
      await Promise.all(active.map((s) => fetchPage(s, token)));
    } finally {
      await Promise.all(servers.map((s) => s.stop()));
    }
  }
  const out = table(results, options);
  const machine = `nproc ${cpus().length} (${cpus()[0]?.model ?? '?'}), memory ${fmt(totalmem() / 2 ** 30, 1)} GiB, Node ${process.version}`;
  let commit = '';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    commit = 'unknown';
  }
  const report = [
    `# Queue page benchmark ${new Date().toISOString()} (commit ${commit})`,
    '',
    machine,
    `rounds ${options.rounds} × ${options.duration} s, medians; ${starts.join('; ')}`,
    '',
    out,
    '',
  ].join('\n');
  mkdirSync(DATA_DIR, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  writeFileSync(join(DATA_DIR, `results-${stamp}.md`), report);
  writeFileSync(
    join(DATA_DIR, `results-${stamp}.json`),
    JSON.stringify({ options, results }, null, 1),
  );
  process.stdout.write(`${report}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
