/**
 * Claim import (product spec, "What users do" 1): the per-record validation shared by the CSV,
 * NDJSON and ClaimReview JSON-LD readers, and the mapping from ClaimReview to a record. Pure: the
 * readers (libs/api/imports) stream the file and hand each record here; a batch imports only when
 * no record has a problem.
 *
 * A record (NDJSON line, or what a CSV row / ClaimReview maps to):
 * ```json
 * { "text": "…", "claimant": "…", "firstAppearanceUrl": "https://…", "firstAppearedAt": "2021-01-17",
 *   "topics": ["detentions"], "priority": "HIGH", "dueAt": "2021-02-01T12:00:00Z",
 *   "evidence": [{ "url": "https://…", "title": "…", "excerpt": "…", "publishedAt": "2021-01-17",
 *                  "stance": "SUPPORTS", "credibility": 2,
 *                  "source": { "name": "Viasna", "kind": "NGO", "reliability": "B" } }] }
 * ```
 */
import { type Credibility, type Reliability, RELIABILITY_GRADES } from './admiralty.scale';
import {
  EVIDENCE_STANCES,
  type EvidenceStance,
  SOURCE_KINDS,
  type SourceKind,
} from './evidence.model';
import { NDJSON_RECORD_TYPE, NDJSON_RECORD_VERSION } from './claim-export';
import { DEFAULT_PRIORITY, PRIORITIES, type Priority } from './priority.scale';

export const IMPORT_FORMATS = ['csv', 'ndjson', 'jsonld'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** The format a file name implies: .csv, .ndjson/.jsonl, .jsonld/.json; null for anything else. */
export function formatOfFileName(fileName: string | null): ImportFormat | null {
  const ext = /\.([a-z]+)$/i.exec(fileName ?? '')?.[1]?.toLowerCase();
  if (ext === 'csv') return 'csv';
  if (ext === 'ndjson' || ext === 'jsonl') return 'ndjson';
  if (ext === 'jsonld' || ext === 'json') return 'jsonld';
  return null;
}

/**
 * Where a valid import stands once its file is read: the duplicate checks of its first records,
 * waiting for the database's write lock (another write is under way), writing its claims in
 * batches (progress per batch), committing. The HTTP endpoint sends each as one NDJSON line, as
 * it is; the command line prints them.
 */
export type ImportStage =
  | { readonly event: 'checking'; readonly done: number; readonly total: number }
  | { readonly event: 'waiting' }
  | { readonly event: 'writing'; readonly done: number; readonly total: number }
  | { readonly event: 'committing'; readonly total: number };

export const IMPORT_LIMITS = {
  text: 5000,
  claimant: 300,
  url: 2048,
  topics: 20,
  topic: 80,
  evidence: 50,
  title: 500,
  excerpt: 10_000,
  sourceName: 300,
  /** Characters in one CSV row, NDJSON line or ClaimReview record. */
  record: 100_000,
} as const;

/** One problem with an import: where (line or record number), which field, and why. */
export interface ImportProblem {
  /** 1-based line of the file (CSV, NDJSON), or null. */
  readonly line: number | null;
  /** 1-based record number (JSON-LD: the n-th ClaimReview; CSV/NDJSON: the n-th data row). */
  readonly record: number | null;
  /** The field (CSV column, or a path such as `evidence[0].stance`), or null for the whole row. */
  readonly field: string | null;
  readonly reason: string;
}

export interface ImportedSource {
  readonly name: string;
  readonly kind: SourceKind;
  readonly reliability: Reliability;
}

export interface ImportedEvidence {
  readonly url: string;
  readonly title: string | null;
  readonly excerpt: string | null;
  /** ISO 8601, or null. */
  readonly publishedAt: string | null;
  readonly stance: EvidenceStance;
  readonly credibility: Credibility;
  readonly source: ImportedSource;
}

export interface ImportedClaim {
  readonly text: string;
  readonly claimant: string | null;
  readonly firstAppearanceUrl: string | null;
  /** ISO 8601, or null. */
  readonly firstAppearedAt: string | null;
  readonly topics: readonly string[];
  readonly priority: Priority;
  readonly dueAt: string | null;
  readonly evidence: readonly ImportedEvidence[];
}

export interface FieldProblem {
  readonly field: string | null;
  readonly reason: string;
}

export type RecordResult =
  | { readonly ok: true; readonly claim: ImportedClaim }
  | { readonly ok: false; readonly problems: readonly FieldProblem[] };

export const RECORD_FIELDS = [
  'text',
  'claimant',
  'firstAppearanceUrl',
  'firstAppearedAt',
  'topics',
  'priority',
  'dueAt',
  'evidence',
] as const;
const EVIDENCE_FIELDS = [
  'url',
  'title',
  'excerpt',
  'publishedAt',
  'stance',
  'credibility',
  'source',
];
const SOURCE_FIELDS = ['name', 'kind', 'reliability'];

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * A date as given in an import: `YYYY-MM-DD` (midnight UTC) or an ISO 8601 date-time with a time
 * zone (`2021-01-17T12:00:00Z`, `…+03:00`). Returns the ISO string, or null when it does not parse
 * (including impossible dates such as 2021-02-30).
 */
export function parseImportDate(value: string): string | null {
  const s = value.trim();
  const m = DATE_ONLY.exec(s) ?? DATE_TIME.exec(s);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  if (m[4] !== undefined && (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6] ?? 0) > 59))
    return null;
  const time = Date.parse(m[4] === undefined ? `${s}T00:00:00Z` : s.replace(' ', 'T'));
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

const dateHint =
  'use YYYY-MM-DD or an ISO 8601 date-time with a time zone, e.g. 2021-01-17T12:00:00Z';

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Empty strings, null and undefined are "not given". */
function given(value: unknown): boolean {
  return (
    value !== undefined && value !== null && !(typeof value === 'string' && value.trim() === '')
  );
}

class Collector {
  readonly problems: FieldProblem[] = [];
  add(field: string | null, reason: string): void {
    this.problems.push({ field, reason });
  }

  string(value: unknown, field: string, max: number, required: boolean): string | null {
    if (!given(value)) {
      if (required) this.add(field, `${field} is required.`);
      return null;
    }
    if (typeof value !== 'string') {
      this.add(field, `${field} must be text, not ${describe(value)}.`);
      return null;
    }
    const trimmed = value.trim();
    if (trimmed.length > max) {
      this.add(field, `${field} is ${trimmed.length} characters; at most ${max} are allowed.`);
      return null;
    }
    return trimmed;
  }

  url(value: unknown, field: string, required: boolean): string | null {
    const s = this.string(value, field, IMPORT_LIMITS.url, required);
    if (s === null) return null;
    if (!isHttpUrl(s)) {
      this.add(field, `${field} must be an http(s) URL, not "${clip(s)}".`);
      return null;
    }
    return s;
  }

  date(value: unknown, field: string): string | null {
    const s = this.string(value, field, 100, false);
    if (s === null) return null;
    const iso = parseImportDate(s);
    if (iso === null) this.add(field, `"${clip(s)}" is not a date: ${dateHint}.`);
    return iso;
  }

  oneOf<T extends string>(value: unknown, field: string, allowed: readonly T[], fallback: T): T {
    if (!given(value)) return fallback;
    const s = typeof value === 'string' ? value.trim().toUpperCase() : null;
    if (s !== null && (allowed as readonly string[]).includes(s)) return s as T;
    this.add(
      field,
      `${field} "${clip(String(value))}" is not one of the allowed values: ${allowed.join(', ')}.`,
    );
    return fallback;
  }
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function clip(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

function unknownKeys(
  c: Collector,
  record: Record<string, unknown>,
  allowed: readonly string[],
  prefix: string,
): void {
  for (const key of Object.keys(record)) {
    if (!allowed.includes(key))
      c.add(`${prefix}${key}`, `unknown field "${key}"; allowed: ${allowed.join(', ')}.`);
  }
}

function topicsOf(c: Collector, value: unknown): string[] {
  if (!given(value)) return [];
  let list: unknown[];
  if (typeof value === 'string') list = value.split(';');
  else if (Array.isArray(value)) list = value;
  else {
    c.add(
      'topics',
      `topics must be a list of text (or, in CSV, separated by ";"), not ${describe(value)}.`,
    );
    return [];
  }
  const seen = new Set<string>();
  const out: string[] = [];
  for (const item of list) {
    if (typeof item !== 'string') {
      c.add('topics', `each topic must be text, not ${describe(item)}.`);
      continue;
    }
    const topic = item.trim().replace(/\s+/g, ' ');
    if (topic === '') continue;
    if (topic.length > IMPORT_LIMITS.topic) {
      c.add('topics', `topic "${clip(topic)}" is longer than ${IMPORT_LIMITS.topic} characters.`);
      continue;
    }
    const key = topic.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(topic);
  }
  if (out.length > IMPORT_LIMITS.topics)
    c.add('topics', `${out.length} topics given; at most ${IMPORT_LIMITS.topics} are allowed.`);
  return out;
}

function credibilityOf(c: Collector, value: unknown, field: string): Credibility {
  if (!given(value)) return 6;
  const n =
    typeof value === 'number' ? value : typeof value === 'string' ? Number(value.trim()) : NaN;
  if (Number.isInteger(n) && n >= 1 && n <= 6) return n as Credibility;
  c.add(
    field,
    `${field} "${clip(String(value))}" is not one of the allowed values: 1, 2, 3, 4, 5, 6 (1 confirmed … 6 cannot be judged).`,
  );
  return 6;
}

function evidenceOf(c: Collector, value: unknown, index: number): ImportedEvidence | null {
  const p = `evidence[${index}].`;
  if (!isObject(value)) {
    c.add(`evidence[${index}]`, `each evidence item must be an object, not ${describe(value)}.`);
    return null;
  }
  unknownKeys(c, value, EVIDENCE_FIELDS, p);
  const before = c.problems.length;
  const url = c.url(value['url'], `${p}url`, true);
  const title = c.string(value['title'], `${p}title`, IMPORT_LIMITS.title, false);
  const excerpt = c.string(value['excerpt'], `${p}excerpt`, IMPORT_LIMITS.excerpt, false);
  const publishedAt = c.date(value['publishedAt'], `${p}publishedAt`);
  if (!given(value['stance']))
    c.add(`${p}stance`, `${p}stance is required (${EVIDENCE_STANCES.join(', ')}).`);
  const stance = c.oneOf(value['stance'], `${p}stance`, EVIDENCE_STANCES, 'CONTEXT');
  const credibility = credibilityOf(c, value['credibility'], `${p}credibility`);
  const rawSource = value['source'];
  let source: ImportedSource | null = null;
  if (!isObject(rawSource)) {
    c.add(`${p}source`, `${p}source is required: an object with name, kind and reliability.`);
  } else {
    unknownKeys(c, rawSource, SOURCE_FIELDS, `${p}source.`);
    const name = c.string(rawSource['name'], `${p}source.name`, IMPORT_LIMITS.sourceName, true);
    const kind = c.oneOf(rawSource['kind'], `${p}source.kind`, SOURCE_KINDS, 'OTHER');
    const reliability = c.oneOf(
      rawSource['reliability'],
      `${p}source.reliability`,
      RELIABILITY_GRADES,
      'F',
    );
    if (name !== null) source = { name: name.replace(/\s+/g, ' '), kind, reliability };
  }
  if (c.problems.length > before || url === null || source === null) return null;
  return { url, title, excerpt, publishedAt, stance, credibility, source };
}

/**
 * Validates one record (already parsed: an NDJSON object, a CSV row mapped by
 * {@link csvRowToRecord}, or a mapped ClaimReview). Every problem is reported, not only the first.
 */
function pick(from: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(
    keys.filter((k) => from[k] !== undefined && from[k] !== null).map((k) => [k, from[k]]),
  );
}

/**
 * A record of Corroborate's own NDJSON export (`"type": "corroborate.verified-claim"`) as an import
 * record: the claim as taken in (text, claimant, first appearance, topics, priority) and its
 * evidence that is not retracted, with sources and grades. Verdicts, assessments, the
 * adjudication, ids and captures stay behind: the imported claims start NEW, to be verified again
 * where they are imported.
 */
export function exportedRecordToImport(raw: Record<string, unknown>): Record<string, unknown> {
  const record = pick(raw, [
    'text',
    'claimant',
    'firstAppearanceUrl',
    'firstAppearedAt',
    'topics',
    'priority',
  ]);
  if (Array.isArray(raw['evidence'])) {
    record['evidence'] = raw['evidence']
      .filter((e) => !isObject(e) || e['retracted'] !== true)
      .map((e) => {
        if (!isObject(e)) return e;
        const evidence = pick(
          e,
          EVIDENCE_FIELDS.filter((k) => k !== 'source'),
        );
        if (isObject(e['source'])) evidence['source'] = pick(e['source'], SOURCE_FIELDS);
        return evidence;
      });
  } else if (raw['evidence'] !== undefined) {
    record['evidence'] = raw['evidence'];
  }
  return record;
}

export function validateClaimRecord(raw: unknown): RecordResult {
  const c = new Collector();
  if (!isObject(raw)) {
    return {
      ok: false,
      problems: [{ field: null, reason: `a record must be a JSON object, not ${describe(raw)}.` }],
    };
  }
  if (raw['type'] === NDJSON_RECORD_TYPE) {
    if (raw['version'] !== NDJSON_RECORD_VERSION)
      return {
        ok: false,
        problems: [
          {
            field: 'version',
            reason: `this is a ${NDJSON_RECORD_TYPE} record of version ${describe(raw['version'])}; only version ${NDJSON_RECORD_VERSION} can be imported.`,
          },
        ],
      };
    return validateClaimRecord(exportedRecordToImport(raw));
  }
  unknownKeys(c, raw, RECORD_FIELDS, '');
  const text = c.string(raw['text'], 'text', IMPORT_LIMITS.text, true);
  const claimant = c.string(raw['claimant'], 'claimant', IMPORT_LIMITS.claimant, false);
  const firstAppearanceUrl = c.url(raw['firstAppearanceUrl'], 'firstAppearanceUrl', false);
  const firstAppearedAt = c.date(raw['firstAppearedAt'], 'firstAppearedAt');
  const topics = topicsOf(c, raw['topics']);
  const priority = c.oneOf(raw['priority'], 'priority', PRIORITIES, DEFAULT_PRIORITY);
  const dueAt = c.date(raw['dueAt'], 'dueAt');
  const evidence: ImportedEvidence[] = [];
  const rawEvidence = raw['evidence'];
  if (given(rawEvidence)) {
    if (!Array.isArray(rawEvidence)) {
      c.add('evidence', `evidence must be a list, not ${describe(rawEvidence)}.`);
    } else if (rawEvidence.length > IMPORT_LIMITS.evidence) {
      c.add(
        'evidence',
        `${rawEvidence.length} evidence items; at most ${IMPORT_LIMITS.evidence} per claim.`,
      );
    } else {
      rawEvidence.forEach((item, i) => {
        const e = evidenceOf(c, item, i);
        if (e) evidence.push(e);
      });
    }
  }
  if (c.problems.length > 0 || text === null) return { ok: false, problems: c.problems };
  return {
    ok: true,
    claim: {
      text,
      claimant,
      firstAppearanceUrl,
      firstAppearedAt,
      topics,
      priority,
      dueAt,
      evidence,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// CSV

/** CSV columns: the claim's, then one optional evidence item per row. Only `text` is required. */
export const IMPORT_CSV_COLUMNS = [
  'text',
  'claimant',
  'firstAppearanceUrl',
  'firstAppearedAt',
  'topics',
  'priority',
  'dueAt',
  'evidenceUrl',
  'evidenceTitle',
  'evidenceExcerpt',
  'evidencePublishedAt',
  'evidenceStance',
  'evidenceCredibility',
  'sourceName',
  'sourceKind',
  'sourceReliability',
] as const;
export const CSV_REQUIRED_COLUMNS = ['text'] as const;

const CSV_EVIDENCE: Record<string, string> = {
  evidenceUrl: 'url',
  evidenceTitle: 'title',
  evidenceExcerpt: 'excerpt',
  evidencePublishedAt: 'publishedAt',
  evidenceStance: 'stance',
  evidenceCredibility: 'credibility',
};
const CSV_SOURCE: Record<string, string> = {
  sourceName: 'name',
  sourceKind: 'kind',
  sourceReliability: 'reliability',
};

/**
 * Problems with a CSV header: unknown columns (named, with the allowed ones), missing required
 * columns, repeated columns. Column names are matched exactly after trimming.
 */
export function checkCsvHeader(header: readonly string[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const allowed = IMPORT_CSV_COLUMNS as readonly string[];
  const seen = new Set<string>();
  for (const raw of header) {
    const name = raw.trim();
    if (seen.has(name)) problems.push({ field: name, reason: `column "${name}" appears twice.` });
    seen.add(name);
    if (!allowed.includes(name))
      problems.push({
        field: name,
        reason: `unknown column "${name}"; the columns are: ${IMPORT_CSV_COLUMNS.join(', ')}.`,
      });
  }
  for (const required of CSV_REQUIRED_COLUMNS) {
    if (!seen.has(required))
      problems.push({ field: required, reason: `the required column "${required}" is missing.` });
  }
  return problems;
}

/** A CSV row (column → cell) as a record: topics split on ";", evidence columns nested. */
export function csvRowToRecord(row: Readonly<Record<string, string>>): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  const evidence: Record<string, unknown> = {};
  const source: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    if (value.trim() === '') continue;
    if (key in CSV_EVIDENCE) evidence[CSV_EVIDENCE[key]] = value;
    else if (key in CSV_SOURCE) source[CSV_SOURCE[key]] = value;
    else record[key] = value;
  }
  if (Object.keys(evidence).length > 0 || Object.keys(source).length > 0)
    record['evidence'] = [{ ...evidence, ...(Object.keys(source).length > 0 ? { source } : {}) }];
  return record;
}

/** Maps a record field path back to the CSV column it came from (`evidence[0].stance` → evidenceStance). */
export function csvColumnOf(field: string | null): string | null {
  if (field === null) return null;
  const e = /^evidence\[0\]\.(source\.)?(\w+)$/.exec(field);
  if (e) {
    const table = e[1] ? CSV_SOURCE : CSV_EVIDENCE;
    const found = Object.entries(table).find(([, v]) => v === e[2]);
    if (found) return found[0];
    if (!e[1] && e[2] === 'source') return 'sourceName';
  }
  return field;
}

/** Rewrites a problem's wording for CSV readers: field paths become column names. */
export function csvProblem(problem: FieldProblem): FieldProblem {
  if (problem.field === 'evidence[0].source')
    return { field: 'sourceName', reason: 'sourceName is required when a row has evidence.' };
  const column = csvColumnOf(problem.field);
  if (problem.field === null || column === null || column === problem.field) return problem;
  return { field: column, reason: problem.reason.split(problem.field).join(column) };
}

// ---------------------------------------------------------------------------------------------
// ClaimReview JSON-LD

const CONTAINER_TYPES = ['ClaimReview', 'ItemList', 'DataFeed'];

/** The schema.org type names of a node's @type ("schema:ClaimReview" → "ClaimReview"). */
export function schemaTypes(node: unknown): string[] {
  if (!isObject(node)) return [];
  const t = node['@type'];
  const list = Array.isArray(t) ? t : t === undefined ? [] : [t];
  return list
    .filter((x): x is string => typeof x === 'string')
    .map((x) => x.replace(/^(?:https?:\/\/schema\.org\/|schema:)/, ''));
}

function asList(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

function nameOf(value: unknown): string | null {
  for (const item of asList(value)) {
    if (typeof item === 'string' && item.trim()) return item.trim();
    if (isObject(item) && typeof item['name'] === 'string' && item['name'].trim())
      return item['name'].trim();
  }
  return null;
}

function urlOf(value: unknown): string | null {
  for (const item of asList(value)) {
    if (typeof item === 'string' && item.trim()) return item.trim();
    if (isObject(item)) {
      const u = item['url'] ?? item['@id'];
      if (typeof u === 'string' && u.trim()) return u.trim();
    }
  }
  return null;
}

function numberOf(value: unknown): number | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
  return Number.isFinite(n) ? n : null;
}

/**
 * The stance of a ClaimReview's rating toward the claim: the rating's position between
 * worstRating (default 1) and bestRating (default 5): the top quarter SUPPORTS, the bottom quarter
 * REFUTES, between is MIXED; a rating without a number (only alternateName) is CONTEXT.
 */
export function stanceOfRating(rating: unknown): EvidenceStance {
  if (!isObject(rating)) return 'CONTEXT';
  const value = numberOf(rating['ratingValue']);
  const best = numberOf(rating['bestRating']) ?? 5;
  const worst = numberOf(rating['worstRating']) ?? 1;
  if (value === null || best === worst) return 'CONTEXT';
  const position = (value - worst) / (best - worst);
  if (position >= 0.75) return 'SUPPORTS';
  if (position <= 0.25) return 'REFUTES';
  return 'MIXED';
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname || null;
  } catch {
    return null;
  }
}

/**
 * One ClaimReview as an import record: claimReviewed → text; itemReviewed (a Claim) gives the
 * claimant (author), first appearance (firstAppearance, else the first appearance) and date;
 * the review itself, when it has a url, becomes an evidence item from its author (kind MEDIA,
 * reliability F "cannot be judged" until graded; credibility 6) with the stance of its rating
 * and the rating's alternateName in the excerpt.
 */
export function claimReviewToRecord(review: Record<string, unknown>): Record<string, unknown> {
  const item = isObject(review['itemReviewed']) ? review['itemReviewed'] : {};
  const record: Record<string, unknown> = {};
  record['text'] = review['claimReviewed'];
  const claimant = nameOf(item['author']);
  if (claimant) record['claimant'] = claimant;
  const appearance = urlOf(item['firstAppearance']) ?? urlOf(item['appearance']);
  if (appearance) record['firstAppearanceUrl'] = appearance;
  if (item['datePublished'] !== undefined) record['firstAppearedAt'] = item['datePublished'];
  const reviewUrl = urlOf(review['url']);
  if (reviewUrl) {
    const rating = review['reviewRating'];
    const alternate = isObject(rating) ? nameOf(rating['alternateName']) : null;
    const reviewer = nameOf(review['author']) ?? hostOf(reviewUrl) ?? 'Unknown fact-checker';
    const title = nameOf(review['name']) ?? nameOf(review['headline']);
    record['evidence'] = [
      {
        url: reviewUrl,
        ...(title ? { title } : {}),
        ...(alternate ? { excerpt: `Rating: ${alternate}` } : {}),
        ...(review['datePublished'] !== undefined ? { publishedAt: review['datePublished'] } : {}),
        stance: stanceOfRating(rating),
        credibility: 6,
        source: { name: reviewer, kind: 'MEDIA', reliability: 'F' },
      },
    ];
  }
  return record;
}

export interface ClaimReviewRecords {
  /** The ClaimReviews found, numbered from 1 in document order, mapped to records. */
  readonly records: readonly { readonly record: number; readonly value: Record<string, unknown> }[];
  readonly problems: readonly ImportProblem[];
}

/**
 * Finds the ClaimReviews in a parsed JSON-LD document: a single ClaimReview, an array of them, an
 * `@graph`, an ItemList (`itemListElement`, each a ClaimReview or a ListItem with `item`), or a
 * Data Commons DataFeed (`dataFeedElement`, each a ClaimReview or a DataFeedItem whose `item` is
 * one or a list). Anything else — at the top or in a list — is a problem naming its @type.
 */
export function claimReviewRecords(doc: unknown): ClaimReviewRecords {
  const records: { record: number; value: Record<string, unknown> }[] = [];
  const problems: ImportProblem[] = [];
  let n = 0;
  const visitReview = (node: unknown) => {
    n++;
    const types = schemaTypes(node);
    if (!isObject(node) || !types.includes('ClaimReview')) {
      problems.push({
        line: null,
        record: n,
        field: '@type',
        reason: isObject(node)
          ? `expected a ClaimReview, got ${types.length > 0 ? types.map((t) => `"${t}"`).join(', ') : 'no @type'}.`
          : `expected a ClaimReview object, got ${describe(node)}.`,
      });
      return;
    }
    records.push({ record: n, value: claimReviewToRecord(node) });
  };
  const visitContainer = (node: unknown, top: boolean) => {
    if (Array.isArray(node)) {
      for (const item of node) visitContainer(item, false);
      return;
    }
    const types = schemaTypes(node);
    if (isObject(node) && types.length === 0 && Array.isArray(node['@graph'])) {
      for (const item of node['@graph']) visitContainer(item, false);
      return;
    }
    if (types.includes('ItemList') && isObject(node)) {
      for (const el of asList(node['itemListElement'])) {
        if (schemaTypes(el).includes('ListItem') && isObject(el)) visitReview(el['item']);
        else visitReview(el);
      }
      return;
    }
    if (types.includes('DataFeed') && isObject(node)) {
      for (const el of asList(node['dataFeedElement'])) {
        if (schemaTypes(el).includes('DataFeedItem') && isObject(el)) {
          for (const item of asList(el['item'])) visitReview(item);
        } else visitReview(el);
      }
      return;
    }
    if (top && !types.includes('ClaimReview')) {
      problems.push({
        line: null,
        record: null,
        field: '@type',
        reason: `the document must be a ClaimReview, a list of them, an ItemList or a DataFeed (${CONTAINER_TYPES.join(', ')}); got ${
          types.length > 0
            ? types.map((t) => `"${t}"`).join(', ')
            : isObject(node)
              ? 'no @type'
              : describe(node)
        }.`,
      });
      return;
    }
    visitReview(node);
  };
  visitContainer(doc, true);
  if (records.length === 0 && problems.length === 0)
    problems.push({
      line: null,
      record: null,
      field: null,
      reason: 'the document holds no ClaimReview.',
    });
  return { records, problems };
}
