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

/** A change value is JSON text; show strings plainly, null as "—", anything else as JSON. */
export function formatChangeValue(value: string | null | undefined): string {
  if (value === null || value === undefined) return '—';
  try {
    const parsed: unknown = JSON.parse(value);
    if (parsed === null) return '—';
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
 * Whether a timeline shows a recorded change: not when it only records the id of the timeline's
 * own subject (`claimId: — → this claim` on a comment or evidence item added to it).
 */
export function changeShown(
  change: { readonly before: string | null; readonly after: string | null },
  subjectId: string | undefined,
): boolean {
  return (
    subjectId === undefined || change.before !== null || change.after !== JSON.stringify(subjectId)
  );
}
