import { describe, expect, it } from 'vitest';
import { BrowserDrafts, type DraftStorage } from './browser-drafts';

/** An in-memory Web Storage; `full` makes every write fail as a full quota does. */
function memoryStorage(): DraftStorage & { items: Map<string, string>; full: boolean } {
  const items = new Map<string, string>();
  return {
    items,
    full: false,
    getItem: (key) => items.get(key) ?? null,
    setItem(key, value) {
      if (this.full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      items.set(key, value);
    },
    removeItem: (key) => void items.delete(key),
    key: (index) => [...items.keys()][index] ?? null,
    get length() {
      return items.size;
    },
  };
}

describe('BrowserDrafts', () => {
  it('keeps a form’s input per person and form, with the time it was typed', () => {
    const storage = memoryStorage();
    const drafts = new BrowserDrafts(storage);
    const at = new Date('2026-12-07T14:32:00.000Z');
    drafts.write('editor', 'adjudication:c1', { publicSummary: 'Two sources agree.' }, at);
    drafts.write('reviewer', 'adjudication:c1', { publicSummary: 'Not theirs.' }, at);
    expect(drafts.read('editor', 'adjudication:c1')).toEqual({
      values: { publicSummary: 'Two sources agree.' },
      at,
    });
    expect(drafts.read('editor', 'adjudication:c2')).toBeNull();
    drafts.remove('editor', 'adjudication:c1');
    expect(drafts.read('editor', 'adjudication:c1')).toBeNull();
    expect(drafts.read('reviewer', 'adjudication:c1')?.values).toEqual({
      publicSummary: 'Not theirs.',
    });
  });

  it('removes every kept draft on signing out, and nothing else of the storage', () => {
    const storage = memoryStorage();
    storage.setItem('color-scheme', 'dark');
    const drafts = new BrowserDrafts(storage);
    drafts.write('editor', 'comment:c1', 'Checked with the agency.');
    drafts.write('reviewer', 'comment:c2', 'See the footage.');
    drafts.clearAll();
    expect([...storage.items.keys()]).toEqual(['color-scheme']);
  });

  it('ignores what it cannot read, and a storage that is full or missing breaks nothing', () => {
    const storage = memoryStorage();
    const drafts = new BrowserDrafts(storage);
    storage.setItem('corroborate.draft.editor.comment:c1', '{not json');
    storage.setItem('corroborate.draft.editor.comment:c2', JSON.stringify({ v: 2, values: 'x' }));
    storage.setItem(
      'corroborate.draft.editor.comment:c3',
      JSON.stringify({ v: 1, at: 'yesterday', values: 'x' }),
    );
    for (const form of ['comment:c1', 'comment:c2', 'comment:c3'])
      expect(drafts.read('editor', form)).toBeNull();
    storage.full = true;
    expect(() => drafts.write('editor', 'comment:c4', 'Lost to a full quota.')).not.toThrow();
    expect(drafts.read('editor', 'comment:c4')).toBeNull();
    const none = new BrowserDrafts(null);
    none.write('editor', 'comment:c1', 'Nowhere to keep it.');
    expect(none.read('editor', 'comment:c1')).toBeNull();
    expect(() => none.clearAll()).not.toThrow();
  });
});
