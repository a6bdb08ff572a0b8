import { describe, it, expect } from 'vitest';
import { splitSentences } from './sentence-splitter';

const texts = (input: string) => splitSentences(input).map((s) => s.text);

describe('splitSentences', () => {
  it('splits plain sentences and keeps exact offsets', () => {
    const input = '  Protests continued.  Police made arrests!   Why?';
    const spans = splitSentences(input);
    expect(spans.map((s) => s.text)).toEqual([
      'Protests continued.',
      'Police made arrests!',
      'Why?',
    ]);
    for (const s of spans) expect(input.slice(s.start, s.end)).toBe(s.text);
    expect(spans[0].start).toBe(2);
  });

  it('does not split inside numbers', () => {
    expect(
      texts('Turnout was 84.1 percent, officials said. About 30,000.5 ballots were spoiled.'),
    ).toEqual([
      'Turnout was 84.1 percent, officials said.',
      'About 30,000.5 ballots were spoiled.',
    ]);
    expect(texts('Prices rose 3.5%. Wages fell.')).toEqual(['Prices rose 3.5%.', 'Wages fell.']);
  });

  it('does not split after titles, initials, months before a day, or No. before a number', () => {
    expect(
      texts('Mr. Smith met Dr. J. Doe on Jan. 17 at No. 5 Independence Avenue. They spoke.'),
    ).toEqual(['Mr. Smith met Dr. J. Doe on Jan. 17 at No. 5 Independence Avenue.', 'They spoke.']);
    expect(texts('The answer was no. The vote went ahead.')).toEqual([
      'The answer was no.',
      'The vote went ahead.',
    ]);
  });

  it('splits after a dotted acronym only before a typical sentence opener', () => {
    expect(texts('The U.S. Embassy issued a statement. It was brief.')).toEqual([
      'The U.S. Embassy issued a statement.',
      'It was brief.',
    ]);
    expect(texts('Sanctions came from the U.S. The ministry protested.')).toEqual([
      'Sanctions came from the U.S.',
      'The ministry protested.',
    ]);
    expect(texts('Voting ended at 8 p.m. Counting began at once.')).toEqual([
      'Voting ended at 8 p.m. Counting began at once.',
    ]);
  });

  it('keeps closing quotes with their sentence and does not split before a lowercase word', () => {
    expect(texts('She said: "We will not stop." Then police arrived.')).toEqual([
      'She said: "We will not stop."',
      'Then police arrived.',
    ]);
    expect(texts('“Were the results rigged?” she asked. Nobody answered.')).toEqual([
      '“Were the results rigged?” she asked.',
      'Nobody answered.',
    ]);
  });

  it('treats an ellipsis followed by a capital as a sentence end', () => {
    expect(texts('We waited... The bus never came.')).toEqual([
      'We waited...',
      'The bus never came.',
    ]);
  });

  it('ends sentences at blank lines but not at single line breaks', () => {
    expect(
      texts('Crisis In Belarus\n\nRead our coverage as\nBelarusians take to the streets.'),
    ).toEqual(['Crisis In Belarus', 'Read our coverage as\nBelarusians take to the streets.']);
    expect(texts('Headline\n \t\nBody.')).toEqual(['Headline', 'Body.']);
  });

  it('returns nothing for blank input', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences(' \n\n \n')).toEqual([]);
  });
});
