import { describe, expect, it } from 'vitest';
import { anchorStatusOf, quoteFound } from './anchor';

const text = `Authorities have detained
  more than 30,000 protesters, according to the UN.   The UN also said 300 were injured.`;

describe('text-quote anchors', () => {
  it('finds the exact text across collapsed whitespace', () => {
    expect(
      quoteFound(text, { prefix: null, exact: 'detained more than 30,000', suffix: null }),
    ).toBe(true);
  });

  it('requires the prefix immediately before and the suffix immediately after', () => {
    expect(
      quoteFound(text, {
        prefix: 'have detained',
        exact: 'more than 30,000',
        suffix: 'protesters',
      }),
    ).toBe(true);
    expect(quoteFound(text, { prefix: 'the UN', exact: 'more than 30,000', suffix: null })).toBe(
      false,
    );
    expect(quoteFound(text, { prefix: null, exact: '30,000', suffix: 'injured' })).toBe(false);
  });

  it('tries every occurrence of the exact text, not just the first', () => {
    expect(quoteFound(text, { prefix: 'also said', exact: '', suffix: null })).toBe(false);
    expect(quoteFound(text, { prefix: 'The', exact: 'UN', suffix: 'also said' })).toBe(true);
  });

  it('reports what is missing before it looks', () => {
    const quote = { prefix: null, exact: '30,000', suffix: null };
    expect(anchorStatusOf({ prefix: null, exact: null, suffix: null }, null)).toBe('NO_ANCHOR');
    expect(anchorStatusOf(quote, null)).toBe('NO_CAPTURE');
    expect(anchorStatusOf(quote, { extractedText: null })).toBe('NO_TEXT');
    expect(anchorStatusOf(quote, { extractedText: text })).toBe('FOUND');
    expect(anchorStatusOf({ ...quote, exact: '40,000' }, { extractedText: text })).toBe(
      'NOT_FOUND',
    );
  });
});
