import {
  CLAIM_STATUS_LABELS,
  CONFIDENCE_LABELS,
  CREDIBILITY_LABELS,
  EVIDENCE_STANCE_LABELS,
  LIKELIHOOD_LABELS,
  likelihoodLabel,
  PRIORITY_LABELS,
  RELIABILITY_LABELS,
  SOURCE_KIND_LABELS,
  VERDICT_LABELS,
} from './labels';
import { formatDateTime } from './format';

/** A time as the API records it: ISO 8601 in UTC. */
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** "evidence.retracted" / "EVIDENCE_RETRACTED" → "Evidence retracted". */
export function humaniseAction(action: string): string {
  const words = action
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[._-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Field names said differently from their words. */
const FIELD_NAMES: Readonly<Record<string, string>> = {
  parentId: 'Reply to',
  body: 'Text',
  mentionedUserIds: 'Mentioned',
  derivedFromId: 'Derived from',
  duplicateOfId: 'Duplicate of',
  sha256: 'SHA-256',
  url: 'URL',
  dueAt: 'Due',
  firstAppearedAt: 'First appeared',
  publishedAt: 'Published',
  retrievedAt: 'Retrieved',
  submittedAt: 'Submitted',
};

/**
 * A recorded field name as people say it: "firstAppearanceUrl" → "First appearance URL",
 * "reviewerId" → "Reviewer", "evidenceIds" → "Evidence".
 */
export function humaniseField(field: string): string {
  const named = FIELD_NAMES[field];
  if (named !== undefined) return named;
  const words = field
    .replace(/Ids?$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[._-]+/g, ' ')
    .trim()
    .toLowerCase()
    .replace(/\burl\b/g, 'URL');
  return words === '' ? field : words.charAt(0).toUpperCase() + words.slice(1);
}

/** Words for the recorded values of a field, by the field's name. */
const VALUE_NAMES: Readonly<Record<string, (value: string | number) => string | undefined>> = {
  status: (v) => (CLAIM_STATUS_LABELS as Record<string, string>)[v] ?? humaniseAction(String(v)),
  priority: (v) => (PRIORITY_LABELS as Record<string, string>)[v],
  verdict: (v) => (VERDICT_LABELS as Record<string, string>)[v],
  likelihood: (v) =>
    v in LIKELIHOOD_LABELS ? likelihoodLabel(v as keyof typeof LIKELIHOOD_LABELS) : undefined,
  confidence: (v) => (CONFIDENCE_LABELS as Record<string, string>)[v],
  stance: (v) => (EVIDENCE_STANCE_LABELS as Record<string, string>)[v],
  kind: (v) => (SOURCE_KIND_LABELS as Record<string, string>)[v],
  reliability: (v) => {
    const name = (RELIABILITY_LABELS as Record<string, string>)[v];
    return name === undefined ? undefined : `${v} · ${name}`;
  },
  credibility: (v) => {
    const name = (CREDIBILITY_LABELS as Record<string, string>)[v];
    return name === undefined ? undefined : `${v} · ${name}`;
  },
};

/** An adjudication records its final verdict, likelihood and confidence under names of their own. */
const FINAL_FIELDS: Readonly<Record<string, string>> = {
  finalVerdict: 'verdict',
  finalLikelihood: 'likelihood',
  finalConfidence: 'confidence',
};

/**
 * A change value is JSON text; show strings plainly, null as "—", anything else as JSON. The
 * values of the scales and workflow (status, priority, verdict, likelihood, confidence, stance,
 * source kind, reliability, credibility) are said in words: "Needs adjudication", "B · Usually
 * reliable"; a recorded time as a local date and time ("Dec 14, 2026, 8:21 AM"); an id nothing
 * names (an assignment's, an import's) by its first eight characters ("01a24f88…").
 */
export function formatChangeValue(value: string | null | undefined, field?: string): string {
  if (value === null || value === undefined) return '—';
  try {
    const parsed: unknown = JSON.parse(value);
    if (parsed === null) return '—';
    const named =
      field !== undefined && (typeof parsed === 'string' || typeof parsed === 'number')
        ? VALUE_NAMES[FINAL_FIELDS[field] ?? field]?.(parsed)
        : undefined;
    if (named !== undefined) return named;
    if (typeof parsed === 'string' && ISO_TIME.test(parsed)) return formatDateTime(parsed);
    if (typeof parsed === 'string' && UUID.test(parsed)) return `${parsed.slice(0, 8)}…`;
    if (typeof parsed === 'string') return parsed === '' ? '""' : parsed;
    if (Array.isArray(parsed) && parsed.every((item) => typeof item === 'string')) {
      return parsed.length === 0 ? '(none)' : parsed.join(', ');
    }
    return JSON.stringify(parsed);
  } catch {
    return value;
  }
}

/**
 * Ids of the records an event on a claim creates, which the event's other fields describe (an
 * assignment: its reviewer and due date; an adjudication: its verdict and summary).
 */
const DESCRIBED_RECORD_IDS: ReadonlySet<string> = new Set(['assignmentId', 'adjudicationId']);

/**
 * Whether a timeline shows a recorded change: not when it only records the id of the timeline's
 * own subject (`claimId: — → this claim` on a comment or evidence item added to it), nor the id
 * of a record the event describes by its other fields (`assignmentId` beside its reviewer).
 */
export function changeShown(
  change: {
    readonly field?: string;
    readonly before: string | null;
    readonly after: string | null;
  },
  subjectId: string | undefined,
): boolean {
  if (change.field !== undefined && DESCRIBED_RECORD_IDS.has(change.field)) return false;
  return (
    subjectId === undefined || change.before !== null || change.after !== JSON.stringify(subjectId)
  );
}
