import { describe, expect, it } from 'vitest';
import { trigramSimilarity } from './text-similarity';
import { TrigramSetIndex } from './trigram-set-index';

/** Every text of `index` with similarity ≥ atLeast, as [position, similarity], in order. */
function search(index: TrigramSetIndex, query: string, atLeast: number): [number, number][] {
  const out: [number, number][] = [];
  index.search(
    query,
    () => atLeast,
    (p, s) => out.push([p, s]),
  );
  return out;
}

/** The same, by scoring every text with trigramSimilarity. */
function brute(texts: string[], query: string, atLeast: number): [number, number][] {
  return texts
    .map((t, p): [number, number] => [p, trigramSimilarity(query, t)])
    .filter(([, s]) => s >= atLeast);
}

describe('TrigramSetIndex', () => {
  it('finds a worked example exactly: shared trigrams over the union', () => {
    const index = new TrigramSetIndex();
    // "ab": {"  a"," ab","ab "}; "ab 9": those and {"  9"," 9 "}; "ab z": {"  z"," z "} instead.
    expect(index.add('ab')).toBe(0);
    expect(index.add('ab 9')).toBe(1);
    expect(index.add('AB-z')).toBe(2);
    expect(index.add('')).toBe(3);
    expect(search(index, 'ab z', 0)).toEqual([
      [0, 3 / 5],
      [1, 3 / 7],
      [2, 1],
      [3, 0],
    ]);
    // At 0.5, "ab 9" (3/7) is out and "ab" (3/5) in: the bound drops the one, never the other.
    expect(search(index, 'ab z', 0.5)).toEqual([
      [0, 3 / 5],
      [2, 1],
    ]);
    expect(search(index, 'ab z', 0.6)).toEqual([
      [0, 3 / 5],
      [2, 1],
    ]);
    expect(search(index, 'ab z', 0.61)).toEqual([[2, 1]]);
    expect(index.entries).toBe(3 + 5 + 5);
  });

  it('gives trigramSimilarity for every text, ASCII or not, at every bar', () => {
    // A small deterministic generator over an alphabet with every symbol class, repeated
    // trigrams, separators, and letters outside ASCII (É, ł, 𝔸) mixed in some texts.
    let state = 11;
    const next = () => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state / 2147483648;
    };
    const ascii = ['a', 'b', 'z', 'ab', 'Z', '0', '9', ' ', ' ', '-', '_'];
    const any = [...ascii, 'É', 'ł', '𝔸'];
    const texts = Array.from({ length: 300 }, (_, i) => {
      const alphabet = i % 3 === 0 ? any : ascii;
      return Array.from(
        { length: Math.floor(next() * 20) },
        () => alphabet[Math.floor(next() * alphabet.length)],
      ).join('');
    });
    const index = new TrigramSetIndex();
    for (const t of texts.slice(0, 200)) index.add(t);
    const check = (held: string[]) => {
      for (const query of [...texts.slice(0, 30), ...texts.slice(250, 260), 'ł𝔸 ab', 'never qqq'])
        for (const atLeast of [0, 0.3, 0.5, 0.8, 1])
          expect(search(index, query, atLeast)).toEqual(brute(held, query, atLeast));
    };
    check(texts.slice(0, 200));
    // Renumbered rarest first, then more texts added (with trigrams new and old): the same.
    index.trim();
    check(texts.slice(0, 200));
    for (const t of texts.slice(200)) index.add(t);
    check(texts);
    index.trim();
    check(texts);
  });

  it('reads the bar again before each text', () => {
    const index = new TrigramSetIndex();
    for (const t of ['police detained protesters', 'police detained', 'police']) index.add(t);
    let bar = 0;
    const found: number[] = [];
    index.search(
      'police detained protesters',
      () => bar,
      (p) => {
        found.push(p);
        bar = 1;
      },
    );
    expect(found).toEqual([0]);
  });

  it('switches to 32-bit ids past 65,536 distinct trigrams and still answers exactly', () => {
    const index = new TrigramSetIndex();
    const texts: string[] = [];
    // Every three-letter word over 42 letters outside ASCII: 74,088 distinct middle trigrams.
    const letters = [...'абвгдежзийклмнопрстуфхцчшщыэюяαβγδεζηθικλμ'];
    const words: string[] = [];
    for (const a of letters)
      for (const b of letters) for (const c of letters) words.push(a + b + c);
    expect(index.wide).toBe(false);
    for (let i = 0; i < words.length; i += 4) {
      const text = `${words.slice(i, i + 4).join(' ')} ab9`;
      texts.push(text);
      index.add(text);
    }
    expect(index.wide).toBe(true);
    for (const query of [texts[5], texts[18_000], `${words[100]} ${words[70_000]} ab9`]) {
      expect(search(index, query, 0.3)).toEqual(brute(texts, query, 0.3));
      expect(search(index, query, 0.1).length).toBeGreaterThan(0);
    }
  });
});
