import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Group, Text } from '@mantine/core';
import { useCurrentUser } from './current-user';
import { DateTimeText } from './format';

/** The part of the Web Storage API the drafts use (a fake in unit tests). */
export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

const PREFIX = 'corroborate.draft.';

/** What a form kept: its values and when they were typed. */
export interface KeptDraft<T> {
  values: T;
  at: Date;
}

/**
 * Input typed into a form and not yet saved, kept in this browser per signed-in person and form
 * ("adjudication:<claim id>"), so a crash, a closed tab or a lost session costs at most the last
 * moment of typing. Only this browser holds it; signing out removes every kept draft (a shared
 * computer keeps nothing of an unpublished verdict). A storage that is full or switched off keeps
 * nothing and breaks nothing.
 */
export class BrowserDrafts {
  constructor(private readonly storage: DraftStorage | null) {}

  private static keyOf(userId: string, form: string): string {
    return `${PREFIX}${userId}.${form}`;
  }

  read<T>(userId: string, form: string): KeptDraft<T> | null {
    try {
      const raw = this.storage?.getItem(BrowserDrafts.keyOf(userId, form));
      if (!raw) return null;
      const parsed = JSON.parse(raw) as { v?: number; at?: string; values?: T };
      if (parsed.v !== 1 || parsed.values === undefined || typeof parsed.at !== 'string')
        return null;
      const at = new Date(parsed.at);
      return Number.isNaN(at.getTime()) ? null : { values: parsed.values, at };
    } catch {
      return null;
    }
  }

  write<T>(userId: string, form: string, values: T, at = new Date()): void {
    try {
      this.storage?.setItem(
        BrowserDrafts.keyOf(userId, form),
        JSON.stringify({ v: 1, at: at.toISOString(), values }),
      );
    } catch {
      // Full or switched off: nothing is kept, the form goes on working.
    }
  }

  remove(userId: string, form: string): void {
    try {
      this.storage?.removeItem(BrowserDrafts.keyOf(userId, form));
    } catch {
      // As above.
    }
  }

  /** Removes every kept draft of every person (on signing out). */
  clearAll(): void {
    try {
      const storage = this.storage;
      if (!storage) return;
      const keys: string[] = [];
      for (let i = 0; i < storage.length; i++) {
        const key = storage.key(i);
        if (key?.startsWith(PREFIX)) keys.push(key);
      }
      for (const key of keys) storage.removeItem(key);
    } catch {
      // As above.
    }
  }
}

function browserStorage(): DraftStorage | null {
  try {
    return typeof window === 'undefined' ? null : window.localStorage;
  } catch {
    return null;
  }
}

export const browserDrafts = new BrowserDrafts(browserStorage());

/** How long typing must pause before the input is written to the browser's storage. */
const KEEP_AFTER_MS = 400;

/**
 * The draft kept in this browser for `form`, read once when the form opens: the form starts from
 * its values (and says it brought them back). `form` null: a form whose input is not kept.
 */
export function useKeptDraft<T>(form: string | null): KeptDraft<T> | null {
  const { id } = useCurrentUser();
  const [kept] = useState(() => (form === null ? null : browserDrafts.read<T>(id, form)));
  return kept;
}

/**
 * Keeps `values` in this browser while `dirty` (shortly after typing pauses, and when the tab is
 * closed or reloaded) and removes them once the form is back to where it started; `clear`
 * removes them at once, for a form that has just saved or been discarded; `keepNow` writes them
 * at once, for a form about to close with its input kept (closed with Escape).
 */
export function useKeepDraft<T>(
  form: string | null,
  values: T,
  dirty: boolean,
): { clear: () => void; keepNow: () => void } {
  const { id } = useCurrentUser();
  const json = JSON.stringify(values);
  const cleared = useRef<string | null>(null);
  useEffect(() => {
    if (form === null) return;
    if (!dirty) {
      browserDrafts.remove(id, form);
      return;
    }
    if (cleared.current === json) return;
    const write = () => browserDrafts.write(id, form, JSON.parse(json) as unknown);
    const timer = setTimeout(write, KEEP_AFTER_MS);
    // A tab closed or reloaded within that moment keeps the last keystrokes too.
    window.addEventListener('pagehide', write);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('pagehide', write);
    };
  }, [id, form, json, dirty]);
  return {
    clear: () => {
      cleared.current = json;
      if (form !== null) browserDrafts.remove(id, form);
    },
    keepNow: () => {
      if (form !== null && dirty) browserDrafts.write(id, form, JSON.parse(json) as unknown);
    },
  };
}

/**
 * One text (a reason) kept in this browser as {@link useKeepDraft} keeps a form: it starts from
 * what was kept (`kept`, for the notice), is kept while typed, `clear` forgets it (saved or
 * cancelled) and `discard` also empties the field.
 */
export function useKeptText(form: string): {
  text: string;
  setText: (text: string) => void;
  kept: KeptDraft<string> | null;
  clear: () => void;
  discard: () => void;
} {
  const initial = useKeptDraft<string>(form);
  const [kept, setKept] = useState(initial);
  const [text, setText] = useState(initial?.values ?? '');
  const keeping = useKeepDraft(form, text, text.trim() !== '');
  return {
    text,
    setText,
    kept,
    clear: keeping.clear,
    discard: () => {
      keeping.clear();
      setKept(null);
      setText('');
    },
  };
}

/**
 * Says that a form was filled from what this browser kept (and when it was typed), with a way to
 * start afresh instead.
 */
export function KeptDraftNotice({
  kept,
  onDiscard,
}: {
  kept: KeptDraft<unknown>;
  onDiscard: () => void;
}) {
  return (
    <Alert color="blue" variant="light" title="Brought back what you typed" role="status">
      <Group justify="space-between" gap="xs">
        <Text size="sm">
          Typed here <DateTimeText value={kept.at.toISOString()} /> and not saved yet; this browser
          kept it.
        </Text>
        <Button size="xs" variant="default" onClick={onDiscard}>
          Discard it
        </Button>
      </Group>
    </Alert>
  );
}
