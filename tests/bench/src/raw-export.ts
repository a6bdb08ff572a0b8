/**
 * The raw baseline of `npm run bench:export`: hand-written SQL straight to JSON lines in a file,
 * in its own process. One ordered read of the project's VERIFIED claims (SQLite: one statement
 * iterated; PostgreSQL: a server-side cursor fetched 1,000 rows at a time), and for each 1,000
 * claims one statement per related table (adjudication, assessments, the evidence they rely on,
 * evidence ⋈ sources, captures). Rows go into the record as the driver returns them (no
 * entities, no mapping beyond nesting), and the text is written in large chunks with
 * backpressure. Environment: DATABASE_URL, EXPORT_PROJECT, EXPORT_OUT. Prints "streaming" on
 * stderr when connected and "done <claims> <bytes>" at the end.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import Database from 'better-sqlite3';
import { Client } from 'pg';

type Row = Record<string, unknown>;

const BATCH = 1000;
const url = process.env['DATABASE_URL'] ?? '';
const projectId = process.env['EXPORT_PROJECT'] ?? '';
const outFile = process.env['EXPORT_OUT'] ?? '';

interface Related {
  adjudications: Row[];
  assessments: Row[];
  relied: Row[];
  evidence: Row[];
  captures: Row[];
}

function groupBy(rows: Row[], key: string): Map<unknown, Row[]> {
  const map = new Map<unknown, Row[]>();
  for (const row of rows) {
    const k = row[key];
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}

/** One JSON line per claim, nesting the related rows the way the product's NDJSON record does. */
function lines(claims: Row[], related: Related, base: string): string {
  const adjudication = new Map(related.adjudications.map((a) => [a['claimId'], a]));
  const assessments = groupBy(related.assessments, 'claimId');
  const relied = groupBy(related.relied, 'assessmentId');
  const evidence = groupBy(related.evidence, 'claimId');
  const captures = groupBy(related.captures, 'evidenceId');
  let text = '';
  for (const c of claims) {
    text += `${JSON.stringify({
      ...c,
      url: `${base}/claims/${String(c['id'])}`,
      adjudication: adjudication.get(c['id']) ?? null,
      assessments: (assessments.get(c['id']) ?? []).map((a) => ({
        ...a,
        evidenceIds: (relied.get(a['id']) ?? []).map((r) => r['evidenceId']),
      })),
      evidence: (evidence.get(c['id']) ?? []).map((e) => ({
        ...e,
        captures: captures.get(e['id']) ?? [],
      })),
    })}\n`;
  }
  return text;
}

function write(out: WriteStream, text: string): Promise<void> {
  return new Promise((resolve) => {
    if (out.write(text)) resolve();
    else out.once('drain', resolve);
  });
}

const CLAIM_COLUMNS = `c."id", c."projectId", c."text", c."claimant", c."firstAppearanceUrl", c."firstAppearedAt", c."topics", c."priority", c."createdAt"`;
const ADJUDICATION = `SELECT "id", "claimId", "verdict", "likelihood", "confidence", "publicSummary", "citedAssessmentIds", "citedEvidenceIds", "adjudicatedById", "createdAt" FROM "adjudications"`;
const ASSESSMENT = `SELECT "id", "claimId", "reviewerId", "status", "verdict", "likelihood", "confidence", "rationale", "supersedesId", "correctionReason", "submittedAt" FROM "assessments"`;
const EVIDENCE = `SELECT e."id", e."claimId", e."url", e."title", e."excerpt", e."publishedAt", e."retrievedAt", e."archiveUrl", e."stance", e."credibility", e."note", e."derivedFromId", e."quantityMin", e."quantityMax", e."quantityUnit", e."quantityAsOf", e."retracted", e."retractionReason", e."addedById", s."id" AS "sourceId", s."name" AS "sourceName", s."kind" AS "sourceKind", s."homepage" AS "sourceHomepage", s."reliability" AS "sourceReliability", s."reliabilityNote" AS "sourceReliabilityNote" FROM "evidence" e JOIN "sources" s ON s."id" = e."sourceId"`;
const CAPTURE = `SELECT "id", "evidenceId", "version", "method", "url", "fileName", "mediaType", "byteSize", "sha256", "capturedAt" FROM "captures"`;

async function sqlite(out: WriteStream, base: string): Promise<number> {
  const db = new Database(url.slice('sqlite:'.length), { readonly: true });
  const ids = (column: string) => `${column} IN (SELECT value FROM json_each(?))`;
  const adjudications = db.prepare(
    `${ADJUDICATION} WHERE ${ids('"claimId"')} AND "reopenedAt" IS NULL`,
  );
  const assessments = db.prepare(
    `${ASSESSMENT} WHERE ${ids('"claimId"')} AND "status" IN ('SUBMITTED', 'SUPERSEDED') ORDER BY "submittedAt", "id"`,
  );
  const relied = db.prepare(
    `SELECT "assessmentId", "evidenceId" FROM "assessment_evidence" WHERE ${ids('"assessmentId"')}`,
  );
  const evidence = db.prepare(
    `${EVIDENCE} WHERE ${ids('e."claimId"')} ORDER BY e."createdAt", e."id"`,
  );
  const captures = db.prepare(`${CAPTURE} WHERE ${ids('"evidenceId"')} ORDER BY "version"`);
  const claims = db.prepare(
    `SELECT ${CLAIM_COLUMNS} FROM "claims" c WHERE c."projectId" = ? AND c."status" = 'VERIFIED' ORDER BY c."createdAt", c."id"`,
  );
  process.stderr.write('streaming\n');
  let count = 0;
  let batch: Row[] = [];
  const flush = async () => {
    const claimIds = JSON.stringify(batch.map((c) => c['id']));
    const a = assessments.all(claimIds) as Row[];
    const e = evidence.all(claimIds) as Row[];
    const related: Related = {
      adjudications: adjudications.all(claimIds) as Row[],
      assessments: a,
      relied: relied.all(JSON.stringify(a.map((r) => r['id']))) as Row[],
      evidence: e,
      captures: captures.all(JSON.stringify(e.map((r) => r['id']))) as Row[],
    };
    await write(out, lines(batch, related, base));
    count += batch.length;
    batch = [];
  };
  for (const row of claims.iterate(projectId) as IterableIterator<Row>) {
    batch.push(row);
    if (batch.length === BATCH) await flush();
  }
  if (batch.length) await flush();
  db.close();
  return count;
}

async function postgres(out: WriteStream, base: string): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  process.stderr.write('streaming\n');
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  await client.query(
    `DECLARE claims_cursor NO SCROLL CURSOR FOR SELECT ${CLAIM_COLUMNS} FROM "claims" c WHERE c."projectId" = $1 AND c."status" = 'VERIFIED' ORDER BY c."createdAt", c."id"`.replace(
      '$1',
      `'${projectId.replace(/'/g, "''")}'`,
    ),
  );
  let count = 0;
  for (;;) {
    const { rows: claims } = await client.query<Row>(`FETCH ${BATCH} FROM claims_cursor`);
    if (claims.length === 0) break;
    const claimIds = claims.map((c) => c['id']);
    const [adjudications, assessments, evidence] = await Promise.all([
      client.query<Row>(
        `${ADJUDICATION} WHERE "claimId" = ANY($1::uuid[]) AND "reopenedAt" IS NULL`,
        [claimIds],
      ),
      client.query<Row>(
        `${ASSESSMENT} WHERE "claimId" = ANY($1::uuid[]) AND "status" IN ('SUBMITTED', 'SUPERSEDED') ORDER BY "submittedAt", "id"`,
        [claimIds],
      ),
      client.query<Row>(
        `${EVIDENCE} WHERE e."claimId" = ANY($1::uuid[]) ORDER BY e."createdAt", e."id"`,
        [claimIds],
      ),
    ]);
    const [relied, captures] = await Promise.all([
      client.query<Row>(
        `SELECT "assessmentId", "evidenceId" FROM "assessment_evidence" WHERE "assessmentId" = ANY($1::uuid[])`,
        [assessments.rows.map((r) => r['id'])],
      ),
      client.query<Row>(`${CAPTURE} WHERE "evidenceId" = ANY($1::uuid[]) ORDER BY "version"`, [
        evidence.rows.map((r) => r['id']),
      ]),
    ]);
    await write(
      out,
      lines(
        claims,
        {
          adjudications: adjudications.rows,
          assessments: assessments.rows,
          relied: relied.rows,
          evidence: evidence.rows,
          captures: captures.rows,
        },
        base,
      ),
    );
    count += claims.length;
  }
  await client.query('COMMIT');
  await client.end();
  return count;
}

async function main(): Promise<void> {
  const out = createWriteStream(outFile, { highWaterMark: 1 << 20 });
  const base = 'http://localhost:3000';
  const count = url.startsWith('sqlite:') ? await sqlite(out, base) : await postgres(out, base);
  await new Promise<void>((resolve, reject) => {
    out.once('error', reject);
    out.end(() => resolve());
  });
  process.stderr.write(`done ${count} ${out.bytesWritten}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
