import { afterEach, describe, expect, it, vi } from 'vitest';
import { UnsavedChanges } from './unsaved-changes';

describe('UnsavedChanges', () => {
  afterEach(() => vi.useRealTimers());

  it('lists each unsaved form once, in the order they began, until they are saved or gone', () => {
    const store = new UnsavedChanges();
    const heard = vi.fn();
    store.subscribe(heard);
    const assessment = Symbol('assessment');
    const comment = Symbol('comment');
    const reply = Symbol('reply');
    expect(store.pending()).toEqual([]);
    store.set(assessment, 'your assessment of this claim');
    store.set(comment, 'the comment you are writing');
    store.set(reply, 'the comment you are writing');
    expect(store.pending()).toEqual([
      'your assessment of this claim',
      'the comment you are writing',
    ]);
    const before = store.pending();
    store.set(assessment, 'your assessment of this claim');
    // Nothing changed: the same list (React keeps its render), and no one is told.
    expect(store.pending()).toBe(before);
    expect(heard).toHaveBeenCalledTimes(3);
    store.set(comment, null);
    expect(store.pending()).toEqual([
      'your assessment of this claim',
      'the comment you are writing',
    ]);
    store.set(reply, null);
    store.set(assessment, null);
    store.set(assessment, null);
    expect(store.pending()).toEqual([]);
    expect(heard).toHaveBeenCalledTimes(6);
  });

  it('asks before leaving only while something is unsaved, and not for a move already allowed', () => {
    vi.useFakeTimers();
    const store = new UnsavedChanges();
    expect(store.mustAsk()).toBe(false);
    const form = Symbol('form');
    store.set(form, 'the new claim you are writing');
    expect(store.mustAsk()).toBe(true);
    // The person chose to discard (signing out): the move that follows goes through, once.
    store.allowNextLeave();
    expect(store.mustAsk()).toBe(false);
    expect(store.mustAsk()).toBe(true);
    // An allowance that no move used soon lapses: later moves ask again.
    store.allowNextLeave();
    vi.advanceTimersByTime(31_000);
    expect(store.mustAsk()).toBe(true);
  });
});
