/**
 * Export mapping: one verified claim record → a ClaimReview (schema.org, Google's fact-check
 * profile), a CSV row, or an NDJSON record with everything behind the verdict. Pure functions;
 * the server streams the records from the database and writes what these return.
 */
import type { ClaimReview, DataFeed, Organization, Rating } from 'schema-dts';
import { type Credibility, formatGrade, type Reliability } from './admiralty.scale';
import { type Confidence } from './confidence.scale';
import { type EvidenceStance, type SourceKind } from './evidence.model';
import { type Likelihood, LIKELIHOOD_BANDS } from './likelihood.scale';
import { type Priority } from './priority.scale';
import { VERDICT_LABELS, type Verdict, verdictRank } from './verdict.scale';

export const EXPORT_FORMATS = ['jsonld', 'csv', 'ndjson'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function isExportFormat(value: unknown): value is ExportFormat {
  return typeof value === 'string' && (EXPORT_FORMATS as readonly string[]).includes(value);
}

export const EXPORT_MEDIA_TYPES: Readonly<Record<ExportFormat, string>> = {
  jsonld: 'application/ld+json',
  csv: 'text/csv; charset=utf-8',
  ndjson: 'application/x-ndjson',
};

/** The organisation that publishes the export (the ClaimReview author). */
export interface ExportOrganisation {
  name: string;
  url: string | null;
  logoUrl: string | null;
  /** The licence of the exported data, as a URL, e.g. "https://creativecommons.org/licenses/by/4.0/". */
  license: string | null;
}

export interface ExportPerson {
  id: string;
  name: string;
}

export interface ExportCapture {
  id: string;
  version: number;
  method: string;
  url: string | null;
  fileName: string | null;
  mediaType: string;
  byteSize: number;
  sha256: string;
  capturedAt: string;
}

export interface ExportSource {
  id: string;
  name: string;
  kind: SourceKind;
  homepage: string | null;
  reliability: Reliability;
  reliabilityNote: string | null;
}

export interface ExportEvidence {
  id: string;
  url: string;
  title: string | null;
  excerpt: string | null;
  publishedAt: string | null;
  retrievedAt: string | null;
  archiveUrl: string | null;
  stance: EvidenceStance;
  credibility: Credibility;
  note: string | null;
  derivedFromId: string | null;
  quantity: {
    min: number | null;
    max: number | null;
    unit: string | null;
    asOf: string | null;
  } | null;
  retracted: boolean;
  retractionReason: string | null;
  addedBy: ExportPerson | null;
  source: ExportSource;
  captures: ExportCapture[];
}

export interface ExportAssessment {
  id: string;
  reviewer: ExportPerson | null;
  status: 'SUBMITTED' | 'SUPERSEDED';
  verdict: Verdict | null;
  likelihood: Likelihood | null;
  confidence: Confidence | null;
  rationale: string | null;
  evidenceIds: string[];
  supersedesId: string | null;
  correctionReason: string | null;
  submittedAt: string | null;
}

export interface ExportAdjudication {
  id: string;
  verdict: Verdict;
  likelihood: Likelihood;
  confidence: Confidence;
  publicSummary: string;
  citedAssessmentIds: string[];
  citedEvidenceIds: string[];
  adjudicatedBy: ExportPerson | null;
  /** When the claim was adjudicated (and became VERIFIED): the review's publication date. */
  adjudicatedAt: string;
}

/** One VERIFIED claim with everything behind its verdict. Dates are ISO 8601 strings (UTC). */
export interface VerifiedClaimRecord {
  id: string;
  project: { id: string; name: string };
  text: string;
  claimant: string | null;
  firstAppearanceUrl: string | null;
  firstAppearedAt: string | null;
  topics: string[];
  priority: Priority;
  createdAt: string;
  /** The claim's page in Corroborate: the ClaimReview url. */
  url: string;
  adjudication: ExportAdjudication;
  assessments: ExportAssessment[];
  evidence: ExportEvidence[];
}

/** Google's fact-check rating: 1 (FALSE) … 5 (TRUE); higher is truer. */
export const RATING_WORST = 1;
export const RATING_BEST = 5;

/**
 * The reviewRating of a verdict. A rated verdict maps onto 1–5 (FALSE = 1 … TRUE = 5), so a
 * higher ratingValue always means truer; UNVERIFIABLE has no place on the scale and carries only
 * its name (alternateName), as Google's profile allows.
 */
export function reviewRatingOf(verdict: Verdict): Rating {
  const rank = verdictRank(verdict);
  if (rank === null) return { '@type': 'Rating', alternateName: VERDICT_LABELS[verdict] };
  return {
    '@type': 'Rating',
    ratingValue: rank + RATING_WORST,
    bestRating: RATING_BEST,
    worstRating: RATING_WORST,
    alternateName: VERDICT_LABELS[verdict],
  };
}

/** The ClaimReview author: the organisation from the settings. */
export function organizationOf(org: ExportOrganisation): Organization {
  return {
    '@type': 'Organization',
    name: org.name,
    ...(org.url ? { url: org.url } : {}),
    ...(org.logoUrl ? { logo: org.logoUrl } : {}),
  };
}

/** schema.org Date (YYYY-MM-DD) of an ISO timestamp. */
function dateOf(iso: string): string {
  return iso.slice(0, 10);
}

/**
 * One record as a schema.org ClaimReview (without "@context": the feed carries it). The
 * itemReviewed Claim names its author (the claimant), its first appearance and when it appeared,
 * each only where known.
 */
export function claimReviewOf(record: VerifiedClaimRecord, org: ExportOrganisation): ClaimReview {
  const { adjudication } = record;
  const appearance = record.firstAppearanceUrl
    ? { '@type': 'CreativeWork' as const, url: record.firstAppearanceUrl }
    : null;
  return {
    '@type': 'ClaimReview',
    '@id': `${record.url}#review`,
    url: record.url,
    claimReviewed: record.text,
    datePublished: dateOf(adjudication.adjudicatedAt),
    author: organizationOf(org),
    reviewRating: reviewRatingOf(adjudication.verdict),
    reviewBody: adjudication.publicSummary,
    ...(org.license ? { license: org.license } : {}),
    ...(record.topics.length ? { keywords: record.topics.join(', ') } : {}),
    itemReviewed: {
      '@type': 'Claim',
      ...(record.claimant ? { author: { '@type': 'Person', name: record.claimant } } : {}),
      ...(record.firstAppearedAt ? { datePublished: dateOf(record.firstAppearedAt) } : {}),
      ...(appearance ? { appearance, firstAppearance: appearance } : {}),
    },
  };
}

/**
 * The JSON-LD document is a schema.org DataFeed (the shape fact-check feeds use), written as
 * `opening`, the items joined by `separator`, then `closing`, so it can be streamed item by item.
 */
export function claimReviewFeedFrame(
  org: ExportOrganisation,
  generatedAt: string,
): { opening: string; separator: string; closing: string } {
  const head: DataFeed & { '@context': string } = {
    '@context': 'https://schema.org',
    '@type': 'DataFeed',
    name: `${org.name}: verified claims`,
    dateModified: generatedAt,
    ...(org.license ? { license: org.license } : {}),
  };
  const json = JSON.stringify(head);
  return {
    opening: `${json.slice(0, -1)},"dataFeedElement":[\n`,
    separator: ',\n',
    closing: '\n]}\n',
  };
}

/** One feed element: the ClaimReview wrapped in a DataFeedItem. */
export function claimReviewFeedItem(
  record: VerifiedClaimRecord,
  org: ExportOrganisation,
): Record<string, unknown> {
  return {
    '@type': 'DataFeedItem',
    dateCreated: record.adjudication.adjudicatedAt,
    item: [claimReviewOf(record, org)],
  };
}

/** CSV columns, in order. */
export const CSV_COLUMNS = [
  'claim_id',
  'project',
  'claim',
  'claimant',
  'first_appearance_url',
  'first_appeared_at',
  'topics',
  'priority',
  'verdict',
  'rating_value',
  'likelihood',
  'likelihood_band',
  'confidence',
  'public_summary',
  'adjudicated_at',
  'adjudicated_by',
  'evidence_count',
  'supporting_count',
  'refuting_count',
  'sources',
  'assessment_count',
  'url',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** Topics are joined with this in one CSV cell (a topic never contains it: see splitCsvList). */
export const CSV_LIST_SEPARATOR = '; ';

/**
 * A cell a spreadsheet would run as a formula (starting with =, +, -, @, a tab or a carriage
 * return) gets a leading apostrophe, as OWASP advises against CSV injection: a claim such as
 * "=HYPERLINK(…)" then shows as text. Machine consumers should read NDJSON, which is never altered.
 */
export function csvSafeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** One CSV row: every value a string (empty for unknown), in {@link CSV_COLUMNS} order. */
export function csvRowOf(record: VerifiedClaimRecord): string[] {
  const a = record.adjudication;
  const live = record.evidence.filter((e) => !e.retracted);
  const rank = verdictRank(a.verdict);
  const sources = [
    ...new Set(
      live.map((e) => `${e.source.name} (${formatGrade(e.source.reliability, e.credibility)})`),
    ),
  ];
  const row: Record<CsvColumn, string> = {
    claim_id: record.id,
    project: record.project.name,
    claim: record.text,
    claimant: record.claimant ?? '',
    first_appearance_url: record.firstAppearanceUrl ?? '',
    first_appeared_at: record.firstAppearedAt ?? '',
    topics: record.topics.join(CSV_LIST_SEPARATOR),
    priority: record.priority,
    verdict: a.verdict,
    rating_value: rank === null ? '' : String(rank + RATING_WORST),
    likelihood: a.likelihood,
    likelihood_band: `${LIKELIHOOD_BANDS[a.likelihood].min}–${LIKELIHOOD_BANDS[a.likelihood].max}%`,
    confidence: a.confidence,
    public_summary: a.publicSummary,
    adjudicated_at: a.adjudicatedAt,
    adjudicated_by: a.adjudicatedBy?.name ?? '',
    evidence_count: String(live.length),
    supporting_count: String(live.filter((e) => e.stance === 'SUPPORTS').length),
    refuting_count: String(live.filter((e) => e.stance === 'REFUTES').length),
    sources: sources.join(CSV_LIST_SEPARATOR),
    assessment_count: String(record.assessments.filter((s) => s.status === 'SUBMITTED').length),
    url: record.url,
  };
  return CSV_COLUMNS.map((column) => csvSafeCell(row[column]));
}

export const NDJSON_RECORD_TYPE = 'corroborate.verified-claim';
export const NDJSON_RECORD_VERSION = 1;

/**
 * One NDJSON line's object: the full record (evidence with source, grade and captures' SHA-256,
 * every submitted and superseded assessment, the adjudication), tagged with its type and version.
 */
export function ndjsonRecordOf(record: VerifiedClaimRecord): Record<string, unknown> {
  return {
    type: NDJSON_RECORD_TYPE,
    version: NDJSON_RECORD_VERSION,
    ...record,
    evidence: record.evidence.map((e) => ({
      ...e,
      grade: formatGrade(e.source.reliability, e.credibility),
    })),
  };
}

/** What an export holds, counted while it is written. */
export interface ExportCounts {
  claims: number;
  evidence: number;
  sources: number;
  assessments: number;
  captures: number;
  byVerdict: Record<Verdict, number>;
}

export function emptyExportCounts(): ExportCounts {
  return {
    claims: 0,
    evidence: 0,
    sources: 0,
    assessments: 0,
    captures: 0,
    byVerdict: {
      FALSE: 0,
      MOSTLY_FALSE: 0,
      MIXED: 0,
      MOSTLY_TRUE: 0,
      TRUE: 0,
      UNVERIFIABLE: 0,
    },
  };
}

/**
 * Adds one record to the counts. `seenSources` collects source ids across the export, so
 * `sources` counts distinct sources.
 */
export function countRecord(
  counts: ExportCounts,
  record: VerifiedClaimRecord,
  seenSources: Set<string>,
): void {
  counts.claims += 1;
  counts.evidence += record.evidence.length;
  counts.assessments += record.assessments.length;
  for (const e of record.evidence) {
    counts.captures += e.captures.length;
    seenSources.add(e.source.id);
  }
  counts.sources = seenSources.size;
  counts.byVerdict[record.adjudication.verdict] += 1;
}

export interface ExportManifestFile {
  name: string;
  mediaType: string;
  bytes: number;
  sha256: string;
}

/** The manifest that goes with every export (as `<file>.manifest.json`). */
export interface ExportManifest {
  type: 'corroborate.export-manifest';
  version: 1;
  exportId: string | null;
  format: ExportFormat;
  generatedAt: string;
  generatedBy: string | null;
  organisation: ExportOrganisation;
  /** The filters exactly as applied (only VERIFIED claims are ever exported). */
  filters: Record<string, unknown>;
  counts: ExportCounts;
  files: ExportManifestFile[];
}

/** The file name of an export: `corroborate-claims-<yyyymmdd-hhmmss>.<format>`. */
export function exportFileName(format: ExportFormat, generatedAt: string): string {
  const stamp = generatedAt.replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `corroborate-claims-${stamp}.${format}`;
}
