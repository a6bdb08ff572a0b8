/**
 * `npm run bench:trigram-selectivity`: how much of a project an exact trigram-index lookup would
 * have to read at the duplicate threshold, on a seeded SQLite database (BENCH_CLAIMS,
 * BENCH_CORPUS, BENCH_DATA_DIR as for the other benches). For sampled lookups (claims of the
 * first project with one word changed, as bench:duplicates asks), over that project's claims:
 * - n, the query's pg_trgm trigrams, and need, the fewest a claim must share to reach the
 *   threshold (similarity ≤ shared / n);
 * - prefix filtering: any claim that reaches the threshold holds one of the query's
 *   n − need + 1 rarest trigrams (document frequency in the project), so the candidates are the
 *   union of those trigrams' posting lists (what an inverted trigram index such as FTS5 would
 *   read), and the volume read is the sum of their lengths;
 * - symmetric prefix filtering (PPJoin's, the best case of an index built for it): each claim
 *   indexed only under its own |B| − ⌈t·|B|⌉ + 1 rarest trigrams (one global order, here the
 *   project's own frequencies), probed with the query's n − need + 1 rarest;
 * - the claims that do reach the threshold.
 * Prints medians and 90th percentiles as fractions of the project. Pure JavaScript over the
 * project's texts (no index is built in the database), so it measures the bound, not an engine.
 */
import Database from 'better-sqlite3';
import { DEFAULT_DUPLICATE_THRESHOLD, trigrams, trigramSimilarity } from '@corroborate/domain';
import { benchOptions, seedCorpus, sizeLabel, sqlitePath } from './options';
import { ensureSeeded } from './seed';

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

async function main(): Promise<void> {
  const options = benchOptions();
  const lookups = Number(process.env['BENCH_LOOKUPS'] ?? 50);
  const t = DEFAULT_DUPLICATE_THRESHOLD;
  await ensureSeeded('sqlite', options.claims);
  const db = new Database(sqlitePath(options.claims), { readonly: true });
  const projectId = db
    .prepare(`SELECT "projectId" FROM "claims" ORDER BY "id" LIMIT 1`)
    .pluck()
    .get();
  const rows = db
    .prepare(`SELECT "text", "normalisedText" AS "n" FROM "claims" WHERE "projectId" = ?`)
    .all(projectId) as { text: string; n: string }[];
  db.close();
  const sets = rows.map((r) => [...trigrams(r.n)]);
  const df = new Map<string, number>();
  for (const s of sets) for (const g of s) df.set(g, (df.get(g) ?? 0) + 1);
  const rarestFirst = (a: string, b: string) =>
    (df.get(a) ?? 0) - (df.get(b) ?? 0) || (a < b ? -1 : a > b ? 1 : 0);
  // Posting lists: every trigram of every claim, and each claim's symmetric prefix only.
  const postings = new Map<string, number[]>();
  const prefixPostings = new Map<string, number[]>();
  sets.forEach((s, i) => {
    for (const g of s) (postings.get(g) ?? postings.set(g, []).get(g))!.push(i);
    const sorted = [...s].sort(rarestFirst);
    for (const g of sorted.slice(0, sorted.length - Math.ceil(t * sorted.length) + 1))
      (prefixPostings.get(g) ?? prefixPostings.set(g, []).get(g))!.push(i);
  });
  const size = rows.length;
  const out = {
    n: [] as number[],
    kthDf: [] as number[],
    union: [] as number[],
    volume: [] as number[],
    symmetric: [] as number[],
    matches: [] as number[],
  };
  const step = Math.max(1, Math.floor(size / lookups));
  for (let i = 0; i < size && out.n.length < lookups; i += step) {
    const changed = rows[i].n.replace(/\bin\b/, 'near');
    const query = changed !== rows[i].n ? changed : rows[i].n.replace(/\bthe\b/, 'a');
    const q = [...trigrams(query)].sort(rarestFirst);
    const n = q.length;
    const need = Math.ceil(t * n);
    const probe = q.slice(0, n - need + 1);
    const union = new Set<number>();
    const symmetric = new Set<number>();
    let volume = 0;
    for (const g of probe) {
      for (const c of postings.get(g) ?? []) union.add(c);
      volume += postings.get(g)?.length ?? 0;
      for (const c of prefixPostings.get(g) ?? []) symmetric.add(c);
    }
    let matches = 0;
    for (const c of union) if (trigramSimilarity(query, rows[c].n) >= t) matches++;
    out.n.push(n);
    out.kthDf.push((df.get(probe[probe.length - 1]) ?? 0) / size);
    out.union.push(union.size / size);
    out.volume.push(volume / size);
    out.symmetric.push(symmetric.size / size);
    out.matches.push(matches);
  }
  const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
  const lines = [
    `| corpus | claims (project) | lookups | trigrams per query (median) | document frequency of the (n − need + 1)-th rarest, median | prefix filter candidates, median / p90 | posting entries read ÷ project, median | symmetric prefix candidates, median / p90 | claims ≥ ${t} (median) |`,
    '| ------ | ---------------: | ------: | --------------------------: | ---------------------: | ---------------------: | -----------------------------: | ---------------------------: | ----------: |',
    `| ${seedCorpus()} | ${sizeLabel(options.claims)} (${size}) | ${out.n.length} | ${quantile(out.n, 0.5)} | ${pct(quantile(out.kthDf, 0.5))} | ${pct(quantile(out.union, 0.5))} / ${pct(quantile(out.union, 0.9))} | ${quantile(out.volume, 0.5).toFixed(2)} | ${pct(quantile(out.symmetric, 0.5))} / ${pct(quantile(out.symmetric, 0.9))} | ${quantile(out.matches, 0.5)} |`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
