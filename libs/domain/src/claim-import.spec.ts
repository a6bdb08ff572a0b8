import { describe, expect, it } from 'vitest';
import {
  formatOfFileName,
  checkCsvHeader,
  claimReviewRecords,
  csvProblem,
  csvRowToRecord,
  parseImportDate,
  stanceOfRating,
  validateClaimRecord,
} from './claim-import';

describe('formatOfFileName', () => {
  it('reads the format from the extension, in any case, and nothing from anything else', () => {
    expect(formatOfFileName('claims.csv')).toBe('csv');
    expect(formatOfFileName('CLAIMS.CSV')).toBe('csv');
    expect(formatOfFileName('feed.ndjson')).toBe('ndjson');
    expect(formatOfFileName('feed.jsonl')).toBe('ndjson');
    expect(formatOfFileName('reviews.jsonld')).toBe('jsonld');
    expect(formatOfFileName('reviews.json')).toBe('jsonld');
    expect(formatOfFileName('archive.csv.gz')).toBeNull();
    expect(formatOfFileName('notes.txt')).toBeNull();
    expect(formatOfFileName('csv')).toBeNull();
    expect(formatOfFileName(null)).toBeNull();
  });
});

describe('parseImportDate', () => {
  it('accepts dates and zoned date-times, as UTC ISO strings', () => {
    expect(parseImportDate('2021-01-17')).toBe('2021-01-17T00:00:00.000Z');
    expect(parseImportDate('2021-01-17T12:30:00Z')).toBe('2021-01-17T12:30:00.000Z');
    expect(parseImportDate('2021-01-17T12:30:00+03:00')).toBe('2021-01-17T09:30:00.000Z');
    expect(parseImportDate('2020-02-29')).toBe('2020-02-29T00:00:00.000Z');
  });

  it('refuses impossible or ambiguous dates', () => {
    for (const bad of [
      '2021-02-30',
      '2021-13-01',
      '17/01/2021',
      'yesterday',
      '2021-01-17T12:00',
      '2021-01-17T25:00:00Z',
    ])
      expect(parseImportDate(bad), bad).toBeNull();
  });
});

describe('validateClaimRecord', () => {
  it('accepts a full record with evidence and fills defaults', () => {
    const result = validateClaimRecord({
      text: '  Authorities have detained more than 30,000 protesters. ',
      claimant: 'The United Nations',
      firstAppearedAt: '2021-01-17',
      topics: ['detentions', 'Detentions', ' protests '],
      evidence: [
        {
          url: 'https://example.org/un',
          stance: 'supports',
          credibility: '2',
          source: { name: 'UN  OHCHR', kind: 'INTERNATIONAL_ORG', reliability: 'B' },
        },
      ],
    });
    expect(result).toEqual({
      ok: true,
      claim: {
        text: 'Authorities have detained more than 30,000 protesters.',
        claimant: 'The United Nations',
        firstAppearanceUrl: null,
        firstAppearedAt: '2021-01-17T00:00:00.000Z',
        topics: ['detentions', 'protests'],
        priority: 'NORMAL',
        dueAt: null,
        evidence: [
          {
            url: 'https://example.org/un',
            title: null,
            excerpt: null,
            publishedAt: null,
            stance: 'SUPPORTS',
            credibility: 2,
            source: { name: 'UN OHCHR', kind: 'INTERNATIONAL_ORG', reliability: 'B' },
          },
        ],
      },
    });
  });

  it('reports every problem with its field, naming the allowed values', () => {
    const result = validateClaimRecord({
      claimant: 'x'.repeat(301),
      firstAppearanceUrl: 'ftp://example.org/a',
      firstAppearedAt: '17 January',
      priority: 'CRITICAL',
      colour: 'red',
      evidence: [
        {
          url: 'https://e.org',
          stance: 'AGREES',
          credibility: 9,
          source: { name: 'S', kind: 'BLOG' },
        },
      ],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const byField = Object.fromEntries(result.problems.map((p) => [p.field, p.reason]));
    expect(byField['colour']).toMatch(/unknown field "colour"; allowed: text, claimant/);
    expect(byField['text']).toBe('text is required.');
    expect(byField['claimant']).toBe('claimant is 301 characters; at most 300 are allowed.');
    expect(byField['firstAppearanceUrl']).toMatch(/must be an http\(s\) URL/);
    expect(byField['firstAppearedAt']).toMatch(/"17 January" is not a date: use YYYY-MM-DD/);
    expect(byField['priority']).toBe(
      'priority "CRITICAL" is not one of the allowed values: LOW, NORMAL, HIGH, URGENT.',
    );
    expect(byField['evidence[0].stance']).toMatch(
      /allowed values: SUPPORTS, REFUTES, MIXED, CONTEXT/,
    );
    expect(byField['evidence[0].credibility']).toMatch(/allowed values: 1, 2, 3, 4, 5, 6/);
    expect(byField['evidence[0].source.kind']).toMatch(
      /"BLOG" is not one of the allowed values: OFFICIAL/,
    );
  });

  it('refuses text over the limit and non-objects', () => {
    const long = validateClaimRecord({ text: 'a'.repeat(5001) });
    expect(long).toEqual({
      ok: false,
      problems: [{ field: 'text', reason: 'text is 5001 characters; at most 5000 are allowed.' }],
    });
    expect(validateClaimRecord([1, 2])).toEqual({
      ok: false,
      problems: [{ field: null, reason: 'a record must be a JSON object, not a list.' }],
    });
  });
});

describe('CSV rows', () => {
  it('names unknown, repeated and missing columns', () => {
    expect(checkCsvHeader(['claimant', 'txt', 'claimant'])).toEqual([
      {
        field: 'txt',
        reason: expect.stringMatching(/^unknown column "txt"; the columns are: text, claimant/),
      },
      { field: 'claimant', reason: 'column "claimant" appears twice.' },
      { field: 'text', reason: 'the required column "text" is missing.' },
    ]);
    expect(checkCsvHeader(['text', 'priority'])).toEqual([]);
  });

  it('maps a row with one evidence item and reports problems by column name', () => {
    const record = csvRowToRecord({
      text: 'At least 30 marches took place.',
      topics: 'marches; protests',
      evidenceUrl: 'https://belapan.example/marches',
      evidenceStance: 'SUPPORT',
      sourceName: '',
    });
    expect(record).toEqual({
      text: 'At least 30 marches took place.',
      topics: 'marches; protests',
      evidence: [{ url: 'https://belapan.example/marches', stance: 'SUPPORT' }],
    });
    const result = validateClaimRecord(record);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map(csvProblem)).toEqual([
      {
        field: 'evidenceStance',
        reason:
          'evidenceStance "SUPPORT" is not one of the allowed values: SUPPORTS, REFUTES, MIXED, CONTEXT.',
      },
      { field: 'sourceName', reason: 'sourceName is required when a row has evidence.' },
    ]);
  });
});

const review = (extra: Record<string, unknown> = {}) => ({
  '@context': 'https://schema.org',
  '@type': 'ClaimReview',
  url: 'https://factcheck.example/30000',
  claimReviewed: 'Authorities have detained more than 30,000 protesters.',
  author: { '@type': 'Organization', name: 'Example Fact Check' },
  datePublished: '2021-01-20',
  reviewRating: {
    '@type': 'Rating',
    ratingValue: 4,
    bestRating: 5,
    worstRating: 1,
    alternateName: 'Mostly true',
  },
  itemReviewed: {
    '@type': 'Claim',
    author: { '@type': 'Organization', name: 'United Nations' },
    datePublished: '2021-01-17',
    appearance: [{ '@type': 'CreativeWork', url: 'https://un.example/statement' }],
  },
  ...extra,
});

describe('ClaimReview JSON-LD', () => {
  it('maps a ClaimReview to a claim with the review as evidence', () => {
    const { records, problems } = claimReviewRecords(review());
    expect(problems).toEqual([]);
    expect(records).toHaveLength(1);
    const result = validateClaimRecord(records[0].value);
    expect(result).toEqual({
      ok: true,
      claim: expect.objectContaining({
        text: 'Authorities have detained more than 30,000 protesters.',
        claimant: 'United Nations',
        firstAppearanceUrl: 'https://un.example/statement',
        firstAppearedAt: '2021-01-17T00:00:00.000Z',
        evidence: [
          {
            url: 'https://factcheck.example/30000',
            title: null,
            excerpt: 'Rating: Mostly true',
            publishedAt: '2021-01-20T00:00:00.000Z',
            stance: 'SUPPORTS',
            credibility: 6,
            source: { name: 'Example Fact Check', kind: 'MEDIA', reliability: 'F' },
          },
        ],
      }),
    });
  });

  it('finds reviews in an array, an ItemList and a DataFeed', () => {
    const two = [review(), review({ claimReviewed: 'At least 30 marches took place.' })];
    expect(claimReviewRecords(two).records).toHaveLength(2);
    const itemList = {
      '@type': 'ItemList',
      itemListElement: [{ '@type': 'ListItem', position: 1, item: review() }, review()],
    };
    expect(claimReviewRecords(itemList).records.map((r) => r.record)).toEqual([1, 2]);
    const feed = {
      '@context': 'https://schema.org',
      '@type': 'DataFeed',
      dataFeedElement: [
        { '@type': 'DataFeedItem', item: [review(), review()] },
        { '@type': 'DataFeedItem', item: review() },
      ],
    };
    expect(claimReviewRecords(feed)).toEqual({
      records: [1, 2, 3].map((record) => ({ record, value: expect.any(Object) })),
      problems: [],
    });
  });

  it('names the wrong @type, at the top and inside a list', () => {
    expect(claimReviewRecords({ '@type': 'NewsArticle', headline: 'x' }).problems).toEqual([
      {
        line: null,
        record: null,
        field: '@type',
        reason:
          'the document must be a ClaimReview, a list of them, an ItemList or a DataFeed (ClaimReview, ItemList, DataFeed); got "NewsArticle".',
      },
    ]);
    expect(claimReviewRecords([review(), { '@type': 'Claim' }]).problems).toEqual([
      { line: null, record: 2, field: '@type', reason: 'expected a ClaimReview, got "Claim".' },
    ]);
    expect(claimReviewRecords({ '@type': 'ItemList', itemListElement: [] }).problems).toEqual([
      { line: null, record: null, field: null, reason: 'the document holds no ClaimReview.' },
    ]);
  });

  it('turns the rating into a stance: higher is truer', () => {
    expect(stanceOfRating({ ratingValue: 1, bestRating: 5, worstRating: 1 })).toBe('REFUTES');
    expect(stanceOfRating({ ratingValue: 3 })).toBe('MIXED');
    expect(stanceOfRating({ ratingValue: '5' })).toBe('SUPPORTS');
    expect(stanceOfRating({ alternateName: 'Unverifiable' })).toBe('CONTEXT');
  });
});
