import type { DuplicateMatch } from './duplicate-suggestions';
import type { MergeSide } from './merge-dialog';

/** One extracted candidate claim on the "Paste an article" screen, with the editor's decision. */
export interface Row {
  key: string;
  text: string;
  claimant: string;
  reasons: string[];
  attribution: string | null;
  figures: string[];
  duplicates: DuplicateMatch[];
  /** The candidate's text as extracted, before any edit: how a new search recognises it. */
  original: string;
  state: 'open' | 'accepted' | 'discarded' | 'merged';
  /** Accept is being sent: the button is busy and a second click does nothing. */
  saving: boolean;
  created: MergeSide | null;
  /** After a merge of the created claim into an existing one: the surviving claim. */
  mergedInto: string | null;
  error: string | null;
}

/** A row carries a decision or an edit that a new search must not throw away. */
export function hasWork(row: Row): boolean {
  return row.state !== 'open' || row.text !== row.original || row.saving;
}

/**
 * The rows of a new search, keeping every earlier decision and edit: a candidate found again
 * keeps its row; accepted, merged or edited rows that are no longer found stay listed too.
 */
export function mergeCandidateRows(previous: Row[] | null, found: Row[]): Row[] {
  if (previous === null) return found;
  const byOriginal = new Map(previous.map((row) => [row.original, row]));
  const kept = found.map((row) => {
    const before = byOriginal.get(row.original);
    if (before === undefined) return row;
    // The claim accepted from this candidate is now in the project: it is not its own duplicate.
    const duplicates = row.duplicates.filter((d) => d.claim.id !== before.created?.id);
    return { ...before, key: row.key, duplicates };
  });
  const foundOriginals = new Set(found.map((row) => row.original));
  const vanished = previous.filter(
    (row) => !foundOriginals.has(row.original) && row.state !== 'discarded' && hasWork(row),
  );
  return [...kept, ...vanished.map((row) => ({ ...row, key: `earlier-${row.key}` }))];
}
