/**
 * What `bench:operations` and `bench:writes` share: one GraphQL request timed end to end, the
 * server's slow-statement warnings gathered per operation, the BENCH_OPS_ONLY choice and medians.
 */
import { type ChildProcess } from 'node:child_process';
import { type DocumentNode, print } from 'graphql';

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
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
