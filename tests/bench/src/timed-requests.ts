/**
 * What `bench:operations` and `bench:writes` share: one GraphQL request timed end to end, the
 * server's slow-statement warnings gathered per operation, the BENCH_OPS_ONLY choice and medians.
 */
import { type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type DocumentNode, print } from 'graphql';
import { DATA_DIR, type Dialect, sizeLabel } from './options';

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** One operation's time: the first round (a cold server), then the median of the others. */
export interface OperationTiming {
  dialect: Dialect;
  claims: number;
  name: string;
  coldMs: number;
  warmMs: number;
}

export function firstAndThen(times: number[]): Pick<OperationTiming, 'coldMs' | 'warmMs'> {
  const rest = times.slice(1);
  return { coldMs: times[0], warmMs: median(rest.length ? rest : times) };
}

/**
 * The bench's whole run: each dialect of BENCH_DB at BENCH_CLAIMS with BENCH_OPS_ROUNDS rounds,
 * then one table of every operation (printed, and written to `.data/<kind>-<time>.md`) whose
 * last column `last` describes. Exits non-zero on the first failure.
 */
export function runTimingBench<R extends OperationTiming>(
  kind: string,
  last: { header: string; cell: (result: R) => string },
  runDialect: (dialect: Dialect, claims: number, rounds: number) => Promise<R[]>,
): void {
  const main = async () => {
    const claims = Number(process.env['BENCH_CLAIMS'] ?? 1_000_000);
    const rounds = Number(process.env['BENCH_OPS_ROUNDS'] ?? 3);
    const dialects = (process.env['BENCH_DB'] ?? 'sqlite,postgres').split(',') as Dialect[];
    const results: R[] = [];
    for (const dialect of dialects) results.push(...(await runDialect(dialect, claims, rounds)));
    const table = [
      `| database | claims | operation | first (ms) | then (ms, median) | ${last.header} |`,
      `| -------- | -----: | --------- | ---------: | ----------------: | ${'-'.repeat(last.header.length - 1)}: |`,
      ...results.map(
        (r) =>
          `| ${r.dialect} | ${sizeLabel(r.claims)} | ${r.name} | ${r.coldMs.toFixed(0)} | ${r.warmMs.toFixed(0)} | ${last.cell(r)} |`,
      ),
    ].join('\n');
    console.log(table);
    const file = join(DATA_DIR, `${kind}-${new Date().toISOString().replace(/[:.]/g, '-')}.md`);
    writeFileSync(file, `${table}\n`);
    process.stderr.write(`[bench:${kind}] written to ${file}\n`);
  };
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}

export interface TimedAnswer {
  ms: number;
  bytes: number;
  data: Record<string, unknown>;
}

/** One GraphQL request with a bearer token; an answer with errors stops the bench. */
export async function graphqlCall(
  url: string,
  token: string,
  document: DocumentNode | string,
  variables: Record<string, unknown>,
): Promise<TimedAnswer> {
  const query = typeof document === 'string' ? document : print(document);
  const started = performance.now();
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const text = await res.text();
  const ms = performance.now() - started;
  const body = JSON.parse(text) as { data?: Record<string, unknown>; errors?: unknown[] };
  if (body.errors || !body.data)
    throw new Error(`HTTP ${res.status}: ${JSON.stringify(body.errors ?? body).slice(0, 600)}`);
  return { ms, bytes: text.length, data: body.data };
}

/**
 * Whether BENCH_OPS_ONLY chooses an operation. The list is comma-separated, and a name that holds
 * a comma itself ("dashboard: one project, one month") is chosen when its parts appear in a row.
 */
export function chosen(list: string | undefined): (name: string) => boolean {
  if (!list) return () => true;
  const parts = (text: string) =>
    `,${text
      .split(',')
      .map((s) => s.trim())
      .join(',')},`;
  const wanted = parts(list);
  return (name) => wanted.includes(parts(name));
}

/**
 * The server's "Slow statement: …" warnings (DATABASE_SLOW_STATEMENT_MS), collected from its
 * stdout (started with BENCH_PIPE_STDOUT) until `take` hands them over and starts afresh.
 */
export function slowStatements(child: ChildProcess): { take(): Promise<string[]> } {
  let slow: string[] = [];
  let pending = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    const lines = (pending + chunk).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      const at = line.indexOf('Slow statement: ');
      // eslint-disable-next-line no-control-regex -- the logger's colour codes
      if (at >= 0) slow.push(line.slice(at + 'Slow statement: '.length).replace(/\x1b\[\d+m/g, ''));
    }
  });
  return {
    async take() {
      await new Promise((resolve) => setTimeout(resolve, 50)); // the last warnings' lines
      const taken = slow;
      slow = [];
      return taken;
    },
  };
}
