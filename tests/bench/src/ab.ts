/**
 * `npm run bench:ab`: the queue page's CPU time and rate, this checkout against another one (the
 * commit before a change), both servers on the same seeded database and loaded in turn, round
 * after round (the order alternating), so that a machine whose speed drifts affects both alike.
 * Each round asks the page BENCH_AB_REQUESTS times (800) from 4 clients; the figures are the
 * medians of BENCH_ROUNDS rounds (7). BENCH_AB_BEFORE names the other checkout, with its own
 * dependencies installed, e.g. `git worktree add ../before HEAD~1 && (cd ../before && npm ci)`.
 * Settings as `bench:cpu`: BENCH_CLAIMS, BENCH_DB, BENCH_PG_DB, BENCH_DATA_DIR.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { bearerToken } from './client';
import { queuePages } from './cpu-time';
import { benchOptions } from './options';
import { ensureSeeded } from './seed';
import { startOurs } from './servers';
import { median } from './timed-requests';

async function main(): Promise<void> {
  const options = benchOptions();
  const other = process.env['BENCH_AB_BEFORE'];
  if (!other || !existsSync(join(other, 'apps', 'api', 'src', 'main.ts')))
    throw new Error('BENCH_AB_BEFORE must name another checkout of the repository');
  const before = resolve(other);
  const requests = Number(process.env['BENCH_AB_REQUESTS'] ?? 800);
  const rounds = Number(process.env['BENCH_ROUNDS'] ?? 7);
  const lines = [
    '| database | claims | CPU per page before → after | pages/s before → after |',
    '| -------- | -----: | --------------------------: | ---------------------: |',
  ];
  for (const dialect of options.dialects) {
    const url = await ensureSeeded(dialect, options.claims);
    const servers = {
      before: await startOurs(dialect, url, {}, before),
      after: await startOurs(dialect, url),
    };
    try {
      const tokens = {
        before: await bearerToken(servers.before),
        after: await bearerToken(servers.after),
      };
      const seen = {
        before: [] as { cpuMsPerRequest: number; perSecond: number }[],
        after: [] as { cpuMsPerRequest: number; perSecond: number }[],
      };
      for (const which of ['before', 'after'] as const)
        await queuePages(servers[which], tokens[which], requests);
      for (let round = 0; round < rounds; round++) {
        const order =
          round % 2 === 0 ? (['before', 'after'] as const) : (['after', 'before'] as const);
        for (const which of order)
          seen[which].push(await queuePages(servers[which], tokens[which], requests));
        process.stderr.write(
          `[bench:ab] ${dialect} round ${round + 1}: before ${seen.before.at(-1)?.cpuMsPerRequest.toFixed(2)} ms, after ${seen.after.at(-1)?.cpuMsPerRequest.toFixed(2)} ms\n`,
        );
      }
      const cpu = (which: 'before' | 'after') => median(seen[which].map((s) => s.cpuMsPerRequest));
      const rate = (which: 'before' | 'after') => median(seen[which].map((s) => s.perSecond));
      lines.push(
        `| ${dialect} | ${options.claims} | ${cpu('before').toFixed(2)} → ${cpu('after').toFixed(2)} ms (${(cpu('before') / cpu('after')).toFixed(2)}×) | ${rate('before').toFixed(0)} → ${rate('after').toFixed(0)} (${(rate('after') / rate('before')).toFixed(2)}×) |`,
      );
    } finally {
      await Promise.all([servers.before.stop(), servers.after.stop()]);
    }
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
