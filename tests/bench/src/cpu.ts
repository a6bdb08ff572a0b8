/**
 * `npm run bench:cpu`: CPU time per queue page, ours and the raw baseline, in one run. Each
 * server answers the same page from 4 concurrent clients, round after round; the figure is the
 * server process's user + system CPU time (/proc/<pid>/stat, Linux) divided by the requests it
 * answered. On a machine shared with other work, CPU time per request moves far less than
 * throughput does, so this is the quicker A/B for a change to the request path; `npm run bench`
 * stays the measure of the targets. Settings: BENCH_CLAIMS, BENCH_DB, BENCH_ROUNDS (3),
 * BENCH_CPU_REQUESTS (1000 per round for ours, 4× that for raw; as many to warm up), BENCH_PG_DB, BENCH_DATA_DIR.
 */
import { bearerToken } from './client';
import { cpuPerRequest } from './cpu-time';
import { benchOptions } from './options';
import { ensureSeeded } from './seed';
import { startOurs, startRaw } from './servers';
import { median } from './timed-requests';

async function main(): Promise<void> {
  const options = benchOptions();
  const requests = Number(process.env['BENCH_CPU_REQUESTS'] ?? 1000);
  const lines = [
    '| database | claims | ours CPU ms/request | raw CPU ms/request | raw ÷ ours |',
    '| -------- | -----: | ------------------: | -----------------: | ---------: |',
  ];
  for (const dialect of options.dialects) {
    const url = await ensureSeeded(dialect, options.claims);
    const ours = await startOurs(dialect, url);
    const raw = await startRaw(url);
    try {
      const token = await bearerToken(ours);
      // Warm-up: enough requests for V8 to optimise the hot paths of both servers (its
      // optimising compiler runs on other threads of the process, counted in its CPU time).
      await cpuPerRequest(ours, token, requests);
      await cpuPerRequest(raw, token, requests * 4);
      const o: number[] = [];
      const r: number[] = [];
      for (let round = 0; round < options.rounds; round++) {
        o.push(await cpuPerRequest(ours, token, requests));
        r.push(await cpuPerRequest(raw, token, requests * 4));
        process.stderr.write(
          `[bench:cpu] ${dialect} round ${round + 1}: ours ${o.at(-1)?.toFixed(2)} ms, raw ${r.at(-1)?.toFixed(2)} ms\n`,
        );
      }
      lines.push(
        `| ${dialect} | ${options.claims} | ${median(o).toFixed(2)} | ${median(r).toFixed(2)} | ${(median(r) / median(o)).toFixed(2)}× |`,
      );
    } finally {
      await Promise.all([ours.stop(), raw.stop()]);
    }
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
