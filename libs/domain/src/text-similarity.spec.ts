import { describe, it, expect } from 'vitest';
import {
  claimSimilarity,
  findLikelyDuplicates,
  normaliseClaimText,
  trigramScorer,
  trigramSimilarity,
  trigrams,
} from './text-similarity';

describe('trigrams (pg_trgm show_trgm)', () => {
  it('pads each word with two spaces in front and one behind', () => {
    // select show_trgm('word') → {"  w"," wo",ord,"rd ",wor}
    expect([...trigrams('word')].sort()).toEqual(['  w', ' wo', 'ord', 'rd ', 'wor']);
    // select show_trgm('x') → {"  x"," x "}
    expect([...trigrams('x')].sort()).toEqual(['  x', ' x ']);
  });

  it('lowercases, splits at non-alphanumerics and keeps a set', () => {
    // select show_trgm('ab-cd 12') → {"  1","  a","  c"," 12"," ab"," cd","12 ","ab ","cd "}
    expect([...trigrams('AB-cd 12')].sort()).toEqual(
      ['  1', '  a', '  c', ' 12', ' ab', ' cd', '12 ', 'ab ', 'cd '].sort(),
    );
    expect(trigrams('aaa')).toEqual(trigrams('aaaa'));
    expect(trigrams('').size).toBe(0);
  });
});

describe('trigramSimilarity matches PostgreSQL pg_trgm similarity()', () => {
  // Reference values from PostgreSQL 16 (lc_ctype C.UTF-8): select similarity(a, b).
  const cases: Array<[string, string, number]> = [
    ['word', 'words', 0.5714286],
    ['Lukashenka', 'Lukashenko', 0.6923077],
    ['Hello, World!', 'hello world', 1],
    ['abc', 'xyz', 0],
    [
      'united nations says more than 30000 protesters detained',
      'the united nations says authorities have detained more than 30000 protesters',
      0.739726,
    ],
    [
      'belapan reported at least 30 marches',
      'belapan news agency reported that protesters staged at least 30 marches and rallies',
      0.48051947,
    ],
    ['x', 'x y', 0.5],
    ['foo_bar', 'foo bar', 1],
    ['aaa', 'aaaa', 1],
    [
      'us and eu refuse to recognize lukashenka',
      'the united states and the european union have refused to recognize lukashenkas reelection as legitimate',
      0.38202247,
    ],
    ['ab12cd', 'ab 12 cd', 0.23076923],
    ['', '', 0],
    ['a', '', 0],
  ];

  it.each(cases)('similarity(%j, %j) = %d', (a, b, expected) => {
    expect(trigramSimilarity(a, b)).toBeCloseTo(expected, 6);
    expect(trigramSimilarity(b, a)).toBeCloseTo(expected, 6);
  });
});

describe('trigramScorer', () => {
  // A small deterministic generator: texts from a tiny alphabet share many trigrams, so every
  // branch (repeated trigrams, dismissed texts, exact values) is exercised.
  function texts(seed: number, count: number): string[] {
    let state = seed;
    const next = () => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state / 2147483648;
    };
    // Every other text is ASCII (the scorer's fast path), the others may hold É and 𝔸.
    const ascii = ['a', 'b', 'c', 'ab', 'B', ' ', ' ', '-', '1', '2'];
    const any = [...ascii, 'É', '𝔸'];
    return Array.from({ length: count }, (_, i) => {
      const alphabet = i % 2 === 0 ? ascii : any;
      return Array.from(
        { length: Math.floor(next() * 24) },
        () => alphabet[Math.floor(next() * alphabet.length)],
      ).join('');
    });
  }

  it('gives trigramSimilarity for every text, and null exactly when it is below atLeast', () => {
    const all = texts(7, 200);
    for (const query of all.slice(0, 20)) {
      const score = trigramScorer(query);
      for (const text of all) {
        const expected = trigramSimilarity(query, text);
        expect(score(text)).toBe(expected);
        for (const atLeast of [0.3, 0.5, 0.8]) {
          expect(score(text, atLeast)).toBe(expected >= atLeast ? expected : null);
        }
      }
    }
  });

  it('reads every letter and digit, either case, and every other ASCII character as a break', () => {
    // Each window of the fast path is a number over 37 symbols (pad space, a–z, 0–9): texts
    // where every symbol sits at each place of a trigram, against queries sharing some of them.
    const symbols = 'abcdefghijklmnopqrstuvwxyz0123456789';
    const words = Array.from(symbols, (c, i) => `${c}${symbols[(i + 7) % 36]}${symbols[35 - i]}`);
    const queries = [
      words.join(' '),
      words.slice(0, 18).join(' ').toUpperCase(),
      'zz9 09a 9z0 a_z~9 y.8',
    ];
    const text = (i: number) =>
      `${words[i]}_${words[(i * 5) % 36].toUpperCase()}~${words[(i * 11) % 36]}!${words[35 - i]}`;
    for (const query of queries) {
      const score = trigramScorer(query);
      for (let i = 0; i < 36; i++) {
        expect(score(text(i))).toBe(trigramSimilarity(query, text(i)));
        expect(score(text(i), 0.05)).toBe(
          trigramSimilarity(query, text(i)) >= 0.05 ? trigramSimilarity(query, text(i)) : null,
        );
      }
      expect(score('zz9 09a 9z0 a z 9 y 8')).toBe(
        trigramSimilarity(query, 'zz9 09a 9z0 a z 9 y 8'),
      );
    }
    // A worked example: {"  a"," ab","ab ","  z"," z "} and {"  a"," ab","ab ","  9"," 9 "}
    // share 3 of 7.
    expect(trigramScorer('AB z')('ab-9')).toBe(3 / 7);
  });

  it('scores claim texts like trigramSimilarity, the empty query included', () => {
    const query = normaliseClaimText('Police detained 1,200 protesters in Minsk');
    const score = trigramScorer(query);
    for (const text of [
      'police detained 1200 protesters in minsk',
      'police detained 1200 protesters in minsk minsk',
      'the police detained protesters',
      'unrelated',
      '',
    ]) {
      expect(score(text)).toBe(trigramSimilarity(query, text));
    }
    expect(trigramScorer('')('anything')).toBe(0);
    expect(trigramScorer('')('anything', 0.5)).toBeNull();
  });
});

describe('normaliseClaimText', () => {
  it('lowercases, strips punctuation and collapses whitespace', () => {
    expect(normaliseClaimText('  The United Nations SAYS:\n  "more than 30,000 detained!"  ')).toBe(
      'the united nations says more than 30000 detained',
    );
  });

  it('applies NFKC and strips diacritics', () => {
    expect(normaliseClaimText('Naïve café in Hrodna')).toBe('naive cafe in hrodna');
    expect(normaliseClaimText('Ｌｕｋａｓｈｅｎｋａ ３０ ﬁles')).toBe('lukashenka 30 files');
    expect(normaliseClaimText('Łukaszenka')).toBe('łukaszenka');
    expect(normaliseClaimText('Тихановская')).toBe('тихановская');
  });

  it('joins thousands separators and apostrophes, splits decimals', () => {
    expect(normaliseClaimText('1,234,567 votes; 30\u00a0000 people; 1.5 million')).toBe(
      '1234567 votes 30000 people 1 5 million',
    );
    expect(normaliseClaimText('in 2020 100 people')).toBe('in 2020 100 people');
    expect(normaliseClaimText("Lukashenka's and Lukashenka’s reelection")).toBe(
      'lukashenkas and lukashenkas reelection',
    );
  });

  it('drops stop words only on request, and never negations', () => {
    expect(normaliseClaimText('The vote was not free and was rigged')).toBe(
      'the vote was not free and was rigged',
    );
    expect(
      normaliseClaimText('The vote was not free and was rigged', { dropStopWords: true }),
    ).toBe('vote not free rigged');
  });
});

describe('duplicate detection', () => {
  it('scores re-wordings of the same claim high and different claims low', () => {
    const un = 'The United Nations says authorities have detained more than 30,000 protesters.';
    expect(
      claimSimilarity(
        un,
        'the united nations says authorities have detained more than 30000 protesters',
      ),
    ).toBe(1);
    expect(
      claimSimilarity(un, 'UN: authorities have detained more than 30,000 protesters'),
    ).toBeGreaterThan(0.6);
    expect(claimSimilarity(un, 'BelaPAN reported at least 30 marches on January 17')).toBeLessThan(
      0.2,
    );
  });

  it('lists likely duplicates above the threshold, most similar first', () => {
    const existing = [
      {
        id: 'c1',
        text: 'BelaPAN: protesters staged at least 30 marches and rallies on January 17',
      },
      { id: 'c2', text: 'The UN says more than 30,000 protesters have been detained' },
      {
        id: 'c3',
        text: 'Authorities have detained more than 30,000 protesters, the United Nations says',
      },
    ];
    const matches = findLikelyDuplicates(
      'The United Nations says authorities have detained more than 30,000 protesters.',
      existing,
    );
    expect(matches.map((m) => m.id)).toEqual(['c3', 'c2']);
    expect(matches[0].similarity).toBeGreaterThan(matches[1].similarity);
    expect(matches[0].similarity).toBeCloseTo(
      claimSimilarity(
        existing[2].text,
        'The United Nations says authorities have detained more than 30,000 protesters.',
      ),
      12,
    );
    expect(findLikelyDuplicates('completely unrelated text', existing)).toEqual([]);
  });
});
