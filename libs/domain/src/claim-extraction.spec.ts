import { describe, it, expect } from 'vitest';
import { cleanClaimant, extractCandidateClaims, type ClaimCandidate } from './claim-extraction';
import { BELARUS_ARTICLE } from './fixtures/belarus-article.fixture';

/** An article written for these tests in the style of the reference article. */
const ARTICLE = [
  'Opposition Says Vote Count Was Falsified',
  '',
  'Thousands of people gathered in central Minsk on Sunday.',
  '',
  'The Central Election Commission has said Lukashenka won 80.1 percent of the vote. ' +
    'Independent observers rejected the official tally. ' +
    '"We will not back down," said Svyatlana Tsikhanouskaya.',
  '',
  'Police detained 50 people in Hrodna, according to the Viasna human rights center. ' +
    'The Interior Ministry denied that any detainees were mistreated. ' +
    'There have been credible reports of abuse in detention centers.',
  '',
  'Protesters met at locations announced on social media. ' +
    'The state-run BelTA news agency claims turnout in the U.S. Embassy district was high. ' +
    'She said the count was wrong. It rained in Minsk on Sunday.',
].join('\n');

function find(candidates: readonly ClaimCandidate[], start: string): ClaimCandidate {
  const found = candidates.find((c) => c.text.startsWith(start));
  if (found === undefined) throw new Error(`No candidate starting with "${start}"`);
  return found;
}

describe('extractCandidateClaims on a written example', () => {
  const candidates = extractCandidateClaims(ARTICLE);

  it('keeps only sentences with an attribution or a figure, in order', () => {
    expect(candidates.map((c) => [c.text.slice(0, 30), c.reasons])).toEqual([
      ['Opposition Says Vote Count Was', ['ATTRIBUTION']],
      ['Thousands of people gathered i', ['FIGURE']],
      ['The Central Election Commissio', ['ATTRIBUTION', 'FIGURE']],
      ['Independent observers rejected', ['ATTRIBUTION']],
      ['"We will not back down," said ', ['ATTRIBUTION']],
      ['Police detained 50 people in H', ['ATTRIBUTION', 'FIGURE']],
      ['The Interior Ministry denied t', ['ATTRIBUTION']],
      ['The state-run BelTA news agenc', ['ATTRIBUTION']],
      ['She said the count was wrong.', ['ATTRIBUTION']],
    ]);
  });

  it('gives exact offsets', () => {
    for (const c of candidates) expect(ARTICLE.slice(c.start, c.end)).toBe(c.text);
    for (const f of candidates.flatMap((c) => c.figures)) {
      expect(ARTICLE.slice(f.start, f.end)).toBe(f.text);
    }
  });

  it('guesses the claimant and the attribution wording', () => {
    const table = candidates.map((c) => [c.claimant, c.attribution]);
    expect(table).toEqual([
      ['Opposition', 'Says'],
      [null, null],
      ['The Central Election Commission', 'has said'],
      ['Independent observers', 'rejected'],
      ['Svyatlana Tsikhanouskaya', 'said'],
      ['The Viasna human rights center', 'according to'],
      ['The Interior Ministry', 'denied'],
      ['BelTA news agency', 'claims'],
      [null, 'said'],
    ]);
    expect(find(candidates, 'The state-run').claimantPhrase).toBe(
      'The state-run BelTA news agency',
    );
  });

  it('records the figures with qualifier and unit', () => {
    expect(find(candidates, 'The Central').figures).toEqual([
      expect.objectContaining({ text: '80.1 percent', value: 80.1, unit: 'percent' }),
    ]);
    expect(find(candidates, 'Police detained').figures).toEqual([
      expect.objectContaining({ text: '50', value: 50, qualifier: null, unit: 'people' }),
    ]);
  });

  it('does not mistake nouns or participles for attribution verbs', () => {
    const texts = candidates.map((c) => c.text);
    expect(texts).not.toContain('There have been credible reports of abuse in detention centers.');
    expect(texts).not.toContain('Protesters met at locations announced on social media.');
    expect(texts).not.toContain('It rained in Minsk on Sunday.');
  });

  it('handles more attribution shapes', () => {
    const one = (text: string) => {
      const [c] = extractCandidateClaims(text);
      return c === undefined ? null : [c.claimant, c.attribution];
    };
    expect(one('According to figures from the Interior Ministry, turnout was high.')).toEqual([
      'The Interior Ministry',
      'according to',
    ]);
    expect(one('On Monday the ministry confirmed the arrests.')).toEqual(['Ministry', 'confirmed']);
    expect(one('Observers in Minsk reported long queues.')).toEqual([
      'Observers in Minsk',
      'reported',
    ]);
    expect(one('Amnesty International has also stated that the trials were unfair.')).toEqual([
      'Amnesty International',
      'has stated',
    ]);
    expect(one('The Committee to Protect Journalists said reporters were beaten.')).toEqual([
      'The Committee to Protect Journalists',
      'said',
    ]);
    expect(one('Unconfirmed claims of fraud circulated online.')).toBeNull();
    expect(one('United States Says Election Was Not Free')).toEqual(['United States', 'Says']);
    expect(one('Crisis In Belarus')).toBeNull();
  });
});

describe('extractCandidateClaims on the reference article', () => {
  const candidates = extractCandidateClaims(BELARUS_ARTICLE);

  it('finds the UN detention figure', () => {
    const un = find(candidates, 'The United Nations says');
    expect(un.text).toBe(
      'The United Nations says authorities have detained more than 30,000 protesters.',
    );
    expect(un.reasons).toEqual(['ATTRIBUTION', 'FIGURE']);
    expect(un.claimant).toBe('The United Nations');
    expect(un.figures).toEqual([
      expect.objectContaining({
        text: 'more than 30,000',
        value: 30_000,
        qualifier: 'MORE_THAN',
        unit: 'protesters',
        min: 30_000,
        max: Infinity,
      }),
    ]);
    expect(BELARUS_ARTICLE.slice(un.start, un.end)).toBe(un.text);
  });

  it('finds the BelaPAN march count', () => {
    const belapan = find(candidates, 'The independent BelaPAN');
    expect(belapan.claimant).toBe('BelaPAN news agency');
    expect(belapan.claimantPhrase).toBe('The independent BelaPAN news agency');
    expect(belapan.attribution).toBe('reported');
    expect(belapan.figures.map((f) => [f.text, f.value, f.qualifier, f.unit])).toEqual([
      ['at least 30', 30, 'AT_LEAST', 'marches'],
    ]);
  });

  it('finds the US/EU non-recognition statement', () => {
    const usEu = find(candidates, 'The United States and the European Union');
    expect(usEu.claimant).toBe('The United States and the European Union');
    expect(usEu.attribution).toBe('have refused');
    expect(usEu.reasons).toEqual(['ATTRIBUTION']);
  });

  it('does not treat dates or "credible reports" as candidates', () => {
    const texts = candidates.map((c) => c.text);
    expect(texts.some((t) => t.startsWith('Belarusian protesters marched'))).toBe(false);
    expect(texts.some((t) => t.startsWith('There have also been credible reports'))).toBe(false);
    expect(find(candidates, 'The flash-mob protests').figures.map((f) => f.text)).toEqual([
      'tens of thousands',
    ]);
  });
});

describe('cleanClaimant', () => {
  it('drops "the" and lowercase modifiers before a name, keeps "The" before a name', () => {
    expect(cleanClaimant('The independent BelaPAN news agency')).toBe('BelaPAN news agency');
    expect(cleanClaimant('the United Nations')).toBe('The United Nations');
    expect(cleanClaimant('the interior ministry')).toBe('Interior ministry');
    expect(cleanClaimant('authorities')).toBe('Authorities');
  });
});
