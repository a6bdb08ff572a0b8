import { randomUUID } from 'node:crypto';
import {
  LIKELIHOODS,
  normaliseClaimText,
  priorityRank,
  SOURCE_KINDS,
  VERDICTS,
  type ClaimStatus,
  type Priority,
} from '@corroborate/domain';

/**
 * Deterministic, realistic-looking rows for the benchmark databases: users of every role, a few
 * projects, a graded source registry, and claims with topics, ~3 evidence items each (some
 * retracted), assignments for claims in review, submitted assessments and adjudications for
 * verified ones. Rows are plain objects keyed by column name; timestamps are epoch milliseconds
 * (each dialect's writer formats them).
 */

export type ColumnType = 'uuid' | 'text' | 'int' | 'bool' | 'ts';
export type Value = string | number | boolean | null;
export type Row = Record<string, Value>;

export interface Table {
  name: string;
  columns: Record<string, ColumnType>;
}

export const TABLES = {
  users: {
    name: 'users',
    columns: {
      id: 'uuid',
      email: 'text',
      displayName: 'text',
      role: 'text',
      passwordHash: 'text',
      active: 'bool',
      createdAt: 'ts',
      updatedAt: 'ts',
      version: 'int',
    },
  },
  projects: {
    name: 'projects',
    columns: {
      id: 'uuid',
      name: 'text',
      nameKey: 'text',
      description: 'text',
      requiredReviews: 'int',
      createdById: 'uuid',
      createdAt: 'ts',
      updatedAt: 'ts',
      version: 'int',
    },
  },
  sources: {
    name: 'sources',
    columns: {
      id: 'uuid',
      name: 'text',
      nameKey: 'text',
      kind: 'text',
      homepage: 'text',
      reliability: 'text',
      reliabilityNote: 'text',
      createdById: 'uuid',
      createdAt: 'ts',
      updatedAt: 'ts',
      version: 'int',
    },
  },
  claims: {
    name: 'claims',
    columns: {
      id: 'uuid',
      projectId: 'uuid',
      text: 'text',
      normalisedText: 'text',
      claimant: 'text',
      firstAppearanceUrl: 'text',
      firstAppearedAt: 'ts',
      topics: 'text',
      priority: 'text',
      priorityRank: 'int',
      dueAt: 'ts',
      status: 'text',
      rejectionReason: 'text',
      hasContradiction: 'bool',
      hasDisagreement: 'bool',
      createdById: 'uuid',
      createdAt: 'ts',
      updatedAt: 'ts',
      version: 'int',
    },
  },
  claimTopics: { name: 'claim_topics', columns: { claimId: 'uuid', topic: 'text' } },
  evidence: {
    name: 'evidence',
    columns: {
      id: 'uuid',
      claimId: 'uuid',
      sourceId: 'uuid',
      url: 'text',
      title: 'text',
      excerpt: 'text',
      publishedAt: 'ts',
      retrievedAt: 'ts',
      stance: 'text',
      credibility: 'int',
      retracted: 'bool',
      retractionReason: 'text',
      addedById: 'uuid',
      createdAt: 'ts',
      updatedAt: 'ts',
      version: 'int',
    },
  },
  assignments: {
    name: 'assignments',
    columns: {
      id: 'uuid',
      claimId: 'uuid',
      reviewerId: 'uuid',
      assignedById: 'uuid',
      dueAt: 'ts',
      status: 'text',
      createdAt: 'ts',
      updatedAt: 'ts',
      version: 'int',
    },
  },
  assessments: {
    name: 'assessments',
    columns: {
      id: 'uuid',
      claimId: 'uuid',
      reviewerId: 'uuid',
      assignmentId: 'uuid',
      verdict: 'text',
      likelihood: 'text',
      confidence: 'text',
      rationale: 'text',
      status: 'text',
      submittedAt: 'ts',
      createdAt: 'ts',
      updatedAt: 'ts',
      version: 'int',
    },
  },
  adjudications: {
    name: 'adjudications',
    columns: {
      id: 'uuid',
      claimId: 'uuid',
      verdict: 'text',
      likelihood: 'text',
      confidence: 'text',
      publicSummary: 'text',
      citedAssessmentIds: 'text',
      citedEvidenceIds: 'text',
      adjudicatedById: 'uuid',
      createdAt: 'ts',
    },
  },
  captures: {
    name: 'captures',
    columns: {
      id: 'uuid',
      evidenceId: 'uuid',
      version: 'int',
      method: 'text',
      url: 'text',
      fileName: 'text',
      mediaType: 'text',
      byteSize: 'int',
      sha256: 'text',
      storageKey: 'text',
      capturedById: 'uuid',
      capturedAt: 'ts',
    },
  },
  assessmentEvidence: {
    name: 'assessment_evidence',
    columns: { assessmentId: 'uuid', evidenceId: 'uuid' },
  },
} satisfies Record<string, Table>;

/** Sign-in of the seeded editor the benchmark uses (a seeded database has no other logins). */
export const BENCH_USER = { email: 'bench-editor@example.org', password: 'bench-editor-pass' };

/** mulberry32: small, fast, deterministic. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SUBJECTS = [
  'The interior ministry',
  'Election officials',
  'Independent observers',
  'The central bank',
  'Local authorities',
  'Police in the capital',
  'The health ministry',
  'A regional governor',
  'Opposition leaders',
  'The state broadcaster',
  'Human-rights monitors',
  'The border service',
];
const VERBS = ['detained', 'reported', 'counted', 'confirmed', 'denied', 'recorded'];
const OBJECTS = [
  'protesters after the march',
  'ballots in polling stations',
  'journalists near the square',
  'cases of torture in custody',
  'marches across the country',
  'strikes at state factories',
  'internet outages in the evening',
  'arrests of students',
  'injuries among demonstrators',
  'fines for unsanctioned rallies',
];
const PLACES = ['Minsk', 'Grodno', 'Brest', 'Gomel', 'Vitebsk', 'Mogilev', 'Kyiv', 'Warsaw'];
const CLAIMANTS = [
  'Ministry of Internal Affairs',
  'Viasna Human Rights Centre',
  'Central Election Commission',
  'UN Human Rights Office',
  'Reuters',
  'Tut.by',
  'A regional official',
  'An eyewitness on Telegram',
];
export const TOPICS = [
  'election',
  'detentions',
  'torture',
  'marches',
  'internet',
  'strikes',
  'media',
  'courts',
  'economy',
  'health',
  'students',
  'sanctions',
  'borders',
  'religion',
  'police',
  'observers',
  'ballots',
  'exile',
  'diplomacy',
  'labour',
];
const PRIORITY_WEIGHTS: [Priority, number][] = [
  ['LOW', 0.25],
  ['NORMAL', 0.5],
  ['HIGH', 0.18],
  ['URGENT', 0.07],
];
const STATUS_WEIGHTS: [ClaimStatus, number][] = [
  ['NEW', 0.3],
  ['IN_REVIEW', 0.3],
  ['NEEDS_ADJUDICATION', 0.1],
  ['VERIFIED', 0.2],
  ['REJECTED', 0.1],
];
const RELIABILITY_WEIGHTS: [string, number][] = [
  ['A', 0.05],
  ['B', 0.2],
  ['C', 0.3],
  ['D', 0.2],
  ['E', 0.1],
  ['F', 0.15],
];
const STANCES = ['SUPPORTS', 'SUPPORTS', 'REFUTES', 'MIXED', 'CONTEXT'];
const CONFIDENCES = ['LOW', 'MODERATE', 'HIGH'];

function weighted<T>(rand: () => number, weights: [T, number][]): T {
  let r = rand();
  for (const [value, weight] of weights) {
    r -= weight;
    if (r < 0) return value;
  }
  return weights[weights.length - 1][0];
}

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)];
}

export interface Registry {
  users: Row[];
  projects: Row[];
  sources: Row[];
  editorIds: string[];
  reviewerIds: string[];
  projectIds: string[];
  sourceIds: string[];
}

const DAY = 86_400_000;
/** Claims are spread over the two years before this instant. */
export const SEED_END = Date.parse('2026-06-30T12:00:00.000Z');
const SPAN = 730 * DAY;

/** Users (one admin, editors, reviewers, viewers), projects and the source registry. */
export function registry(passwordHash: string, sourceCount = 2000, projectCount = 10): Registry {
  const rand = prng(42);
  const t0 = SEED_END - SPAN - 30 * DAY;
  const users: Row[] = [];
  const user = (email: string, displayName: string, role: string) => {
    const id = randomUUID();
    users.push({
      id,
      email,
      displayName,
      role,
      passwordHash,
      active: true,
      createdAt: t0,
      updatedAt: t0,
      version: 1,
    });
    return id;
  };
  user('bench-admin@example.org', 'Bench Admin', 'ADMIN');
  const editorIds = [user(BENCH_USER.email, 'Bench Editor', 'EDITOR')];
  for (let i = 2; i <= 4; i++)
    editorIds.push(user(`editor${i}@bench.example.org`, `Editor ${i}`, 'EDITOR'));
  const reviewerIds: string[] = [];
  for (let i = 1; i <= 30; i++)
    reviewerIds.push(user(`reviewer${i}@bench.example.org`, `Reviewer ${i}`, 'REVIEWER'));
  for (let i = 1; i <= 3; i++) user(`viewer${i}@bench.example.org`, `Viewer ${i}`, 'VIEWER');
  const projects: Row[] = [];
  for (let i = 1; i <= projectCount; i++) {
    const name = `Desk ${i}: ${pick(rand, PLACES)} ${2020 + (i % 6)}`;
    projects.push({
      id: randomUUID(),
      name,
      nameKey: name.toLowerCase(),
      description: `Benchmark project ${i}`,
      requiredReviews: 2,
      createdById: editorIds[0],
      createdAt: t0,
      updatedAt: t0,
      version: 1,
    });
  }
  const sources: Row[] = [];
  for (let i = 1; i <= sourceCount; i++) {
    const kind = pick(rand, SOURCE_KINDS);
    const name = `${pick(rand, ['Agency', 'Monitor', 'Gazette', 'Observer', 'Office', 'Channel'])} ${i} (${kind.toLowerCase().replace('_', ' ')})`;
    const reliability = weighted(rand, RELIABILITY_WEIGHTS);
    sources.push({
      id: randomUUID(),
      name,
      nameKey: name.toLowerCase(),
      kind,
      homepage: `https://source-${i}.example.org/`,
      reliability,
      reliabilityNote:
        reliability === 'F' ? null : `Graded ${reliability} after review of past reporting`,
      createdById: editorIds[i % editorIds.length],
      createdAt: t0 + i * 1000,
      updatedAt: t0 + i * 1000,
      version: 1,
    });
  }
  return {
    users,
    projects,
    sources,
    editorIds,
    reviewerIds,
    projectIds: projects.map((p) => p.id as string),
    sourceIds: sources.map((s) => s.id as string),
  };
}

export interface ClaimBatch {
  claims: Row[];
  claimTopics: Row[];
  evidence: Row[];
  captures: Row[];
  assignments: Row[];
  assessments: Row[];
  assessmentEvidence: Row[];
  adjudications: Row[];
}

/** 64 hex digits from the claim's generator (a capture's SHA-256, without hashing bytes). */
function hexDigest(rand: () => number): string {
  let hex = '';
  for (let i = 0; i < 8; i++)
    hex += Math.floor(rand() * 0x1_0000_0000)
      .toString(16)
      .padStart(8, '0');
  return hex;
}

/**
 * Claims `from` … `to - 1` of a seeded run with everything that hangs off them. The same index
 * always yields the same content (ids are random UUIDs). `verified` (BENCH_VERIFIED=all) makes
 * every claim VERIFIED with at least one evidence item, one or two captures (hash, size, media
 * type) per item, assessments that rely on evidence and an adjudication; without it the rows are
 * exactly those of the default databases. `text` (BENCH_CORPUS=realistic, corpus.ts) gives claim
 * i's text instead of the template sentence; every other field is drawn exactly as without it.
 */
export function claimBatch(
  reg: Registry,
  from: number,
  to: number,
  total: number,
  verified = false,
  text?: (i: number) => string,
): ClaimBatch {
  const batch: ClaimBatch = {
    claims: [],
    claimTopics: [],
    evidence: [],
    captures: [],
    assignments: [],
    assessments: [],
    assessmentEvidence: [],
    adjudications: [],
  };
  for (let i = from; i < to; i++) {
    const rand = prng(1_000_003 + i);
    const id = randomUUID();
    const figure = Math.floor(rand() * 40_000) + 10;
    const template = `${pick(rand, SUBJECTS)} ${pick(rand, VERBS)} ${figure.toLocaleString('en-US')} ${pick(rand, OBJECTS)} in ${pick(rand, PLACES)} (case ${i + 1}).`;
    const claimText = text ? text(i) : template;
    const topicCount = 1 + Math.floor(rand() * 3);
    const topics = new Set<string>();
    while (topics.size < topicCount) topics.add(pick(rand, TOPICS));
    const priority = weighted(rand, PRIORITY_WEIGHTS);
    const drawn = weighted(rand, STATUS_WEIGHTS);
    const status: ClaimStatus = verified ? 'VERIFIED' : drawn;
    // Older claims first; updates land within 60 days of creation.
    const createdAt =
      SEED_END - SPAN + Math.floor((SPAN * i) / total) + Math.floor(rand() * 60_000);
    const updatedAt = Math.min(SEED_END, createdAt + Math.floor(rand() * 60 * DAY));
    const dueAt = rand() < 0.5 ? createdAt + Math.floor((3 + rand() * 30) * DAY) : null;
    const editorId = pick(rand, reg.editorIds);
    const hasContradiction = rand() < 0.04;
    batch.claims.push({
      id,
      projectId: pick(rand, reg.projectIds),
      text: claimText,
      normalisedText: normaliseClaimText(claimText),
      claimant: rand() < 0.85 ? pick(rand, CLAIMANTS) : null,
      firstAppearanceUrl: rand() < 0.6 ? `https://news.example.org/${i}` : null,
      firstAppearedAt: rand() < 0.6 ? createdAt - Math.floor(rand() * 3 * DAY) : null,
      topics: JSON.stringify([...topics]),
      priority,
      priorityRank: priorityRank(priority),
      dueAt,
      status,
      rejectionReason: status === 'REJECTED' ? 'Not check-worthy' : null,
      hasContradiction,
      hasDisagreement: status === 'NEEDS_ADJUDICATION' && rand() < 0.2,
      createdById: editorId,
      createdAt,
      updatedAt,
      version: 1 + Math.floor(rand() * 4),
    });
    for (const topic of topics) batch.claimTopics.push({ claimId: id, topic });
    // 0…6 items, 3 on average.
    const evidenceCount = Math.max(verified ? 1 : 0, Math.floor(rand() * 7));
    const evidenceIds: string[] = [];
    for (let e = 0; e < evidenceCount; e++) {
      const evidenceId = randomUUID();
      const retracted = rand() < 0.05;
      if (!retracted) evidenceIds.push(evidenceId);
      const at = createdAt + Math.floor(rand() * 10 * DAY);
      batch.evidence.push({
        id: evidenceId,
        claimId: id,
        sourceId: pick(rand, reg.sourceIds),
        url: `https://evidence.example.org/${i}/${e}`,
        title: `Report ${e + 1} on case ${i + 1}`,
        excerpt: `"${claimText.slice(0, 60)}…" according to the report.`,
        publishedAt: at - DAY,
        retrievedAt: at,
        stance: pick(rand, STANCES),
        credibility: 1 + Math.floor(rand() * 6),
        retracted,
        retractionReason: retracted ? 'Duplicate of another item' : null,
        addedById: editorId,
        createdAt: at,
        updatedAt: at,
        version: 1,
      });
      if (!verified) continue;
      const versions = rand() < 0.3 ? 2 : 1;
      for (let v = 1; v <= versions; v++) {
        const pdf = rand() < 0.4;
        batch.captures.push({
          id: randomUUID(),
          evidenceId,
          version: v,
          method: pdf ? 'UPLOAD' : 'URL_FETCH',
          url: pdf ? null : `https://evidence.example.org/${i}/${e}`,
          fileName: pdf ? `report-${i + 1}-${e + 1}.pdf` : null,
          mediaType: pdf ? 'application/pdf' : 'text/html',
          byteSize: 2_000 + Math.floor(rand() * 500_000),
          sha256: hexDigest(rand),
          storageKey: `bench/${i}/${e}/${v}`,
          capturedById: editorId,
          capturedAt: at + v * 60_000,
        });
      }
    }
    if (status === 'NEW' || status === 'REJECTED') continue;
    const reviewerCount = status === 'IN_REVIEW' ? 1 + Math.floor(rand() * 2) : 2;
    const first = Math.floor(rand() * reg.reviewerIds.length);
    const assessmentIds: string[] = [];
    for (let r = 0; r < reviewerCount; r++) {
      const reviewerId = reg.reviewerIds[(first + r * 7) % reg.reviewerIds.length];
      const assignmentId = randomUUID();
      const submitted = status !== 'IN_REVIEW';
      const at = createdAt + DAY;
      batch.assignments.push({
        id: assignmentId,
        claimId: id,
        reviewerId,
        assignedById: editorId,
        dueAt: dueAt,
        status: submitted ? 'SUBMITTED' : 'OPEN',
        createdAt: at,
        updatedAt: submitted ? at + DAY : at,
        version: submitted ? 2 : 1,
      });
      if (!submitted) continue;
      const assessmentId = randomUUID();
      assessmentIds.push(assessmentId);
      if (verified)
        for (const evidenceId of new Set(
          evidenceIds.length ? [pick(rand, evidenceIds), pick(rand, evidenceIds)] : [],
        ))
          batch.assessmentEvidence.push({ assessmentId, evidenceId });
      batch.assessments.push({
        id: assessmentId,
        claimId: id,
        reviewerId,
        assignmentId,
        verdict: pick(rand, VERDICTS),
        likelihood: pick(rand, LIKELIHOODS),
        confidence: pick(rand, CONFIDENCES),
        rationale: 'Checked against the graded sources listed.',
        status: 'SUBMITTED',
        submittedAt: at + DAY,
        createdAt: at,
        updatedAt: at + DAY,
        version: 2,
      });
    }
    if (status === 'VERIFIED') {
      batch.adjudications.push({
        id: randomUUID(),
        claimId: id,
        verdict: pick(rand, VERDICTS),
        likelihood: pick(rand, LIKELIHOODS),
        confidence: pick(rand, CONFIDENCES),
        publicSummary: `Verified against ${evidenceIds.length} evidence items.`,
        citedAssessmentIds: JSON.stringify(assessmentIds),
        citedEvidenceIds: JSON.stringify(evidenceIds.slice(0, 3)),
        adjudicatedById: editorId,
        createdAt: Math.min(SEED_END, createdAt + 3 * DAY),
      });
    }
  }
  return batch;
}
