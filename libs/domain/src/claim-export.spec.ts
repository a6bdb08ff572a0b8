import { describe, expect, it } from 'vitest';
import {
  claimReviewFeedFrame,
  claimReviewFeedItem,
  claimReviewOf,
  countRecord,
  CSV_COLUMNS,
  csvRowOf,
  csvSafeCell,
  emptyExportCounts,
  type ExportOrganisation,
  exportFileName,
  ndjsonRecordOf,
  reviewRatingOf,
  type VerifiedClaimRecord,
} from './claim-export';
import { validateClaimRecord } from './claim-import';
import { VERDICT_SCALE } from './verdict.scale';

const ORG: ExportOrganisation = {
  name: 'Minsk Fact Desk',
  url: 'https://factdesk.example.org/',
  logoUrl: 'https://factdesk.example.org/logo.png',
  license: 'https://creativecommons.org/licenses/by/4.0/',
};

/** The "30,000 detained, per the UN" claim of the reference article, verified TRUE. */
function detained(): VerifiedClaimRecord {
  return {
    id: '11111111-1111-4111-8111-111111111111',
    project: { id: 'p1', name: 'Belarus protests, Jan 2021' },
    text: 'Authorities have detained more than 30,000 protesters since the August election.',
    claimant: 'United Nations',
    firstAppearanceUrl: 'https://news.example.org/belarus-protests',
    firstAppearedAt: '2021-01-17T12:00:00.000Z',
    topics: ['detentions', 'UN'],
    priority: 'HIGH',
    createdAt: '2021-01-18T09:00:00.000Z',
    url: 'https://corroborate.example.org/claims/11111111-1111-4111-8111-111111111111',
    adjudication: {
      id: 'adj1',
      verdict: 'TRUE',
      likelihood: 'ALMOST_CERTAIN',
      confidence: 'HIGH',
      publicSummary: 'The UN and Viasna independently count more than 30,000 detentions.',
      citedAssessmentIds: ['as1'],
      citedEvidenceIds: ['ev1'],
      adjudicatedBy: { id: 'u-editor', name: 'Demo Editor' },
      adjudicatedAt: '2021-01-20T15:30:00.000Z',
    },
    assessments: [
      {
        id: 'as1',
        reviewer: { id: 'u-r1', name: 'Demo Reviewer' },
        status: 'SUBMITTED',
        verdict: 'TRUE',
        likelihood: 'ALMOST_CERTAIN',
        confidence: 'HIGH',
        rationale: 'UN figure corroborated by Viasna.',
        evidenceIds: ['ev1', 'ev2'],
        supersedesId: null,
        correctionReason: null,
        submittedAt: '2021-01-19T10:00:00.000Z',
      },
    ],
    evidence: [
      {
        id: 'ev1',
        url: 'https://www.ohchr.org/en/statement',
        title: 'UN statement',
        excerpt: 'more than 30,000 people have been detained',
        publishedAt: '2021-01-15T00:00:00.000Z',
        retrievedAt: null,
        archiveUrl: null,
        stance: 'SUPPORTS',
        credibility: 2,
        note: null,
        derivedFromId: null,
        quantity: { min: 30000, max: null, unit: 'people', asOf: '2021-01-15T00:00:00.000Z' },
        retracted: false,
        retractionReason: null,
        addedBy: null,
        source: {
          id: 's-un',
          name: 'UN OHCHR',
          kind: 'INTERNATIONAL_ORG',
          homepage: 'https://www.ohchr.org/',
          reliability: 'B',
          reliabilityNote: null,
        },
        captures: [
          {
            id: 'cap1',
            version: 1,
            method: 'UPLOAD',
            url: null,
            fileName: 'statement.html',
            mediaType: 'text/html',
            byteSize: 1234,
            sha256: 'a'.repeat(64),
            capturedAt: '2021-01-19T09:00:00.000Z',
          },
        ],
      },
      {
        id: 'ev2',
        url: 'https://spring96.org/en/news',
        title: 'Viasna count',
        excerpt: null,
        publishedAt: null,
        retrievedAt: null,
        archiveUrl: null,
        stance: 'SUPPORTS',
        credibility: 2,
        note: null,
        derivedFromId: null,
        quantity: null,
        retracted: false,
        retractionReason: null,
        addedBy: null,
        source: {
          id: 's-viasna',
          name: 'Viasna',
          kind: 'NGO',
          homepage: null,
          reliability: 'B',
          reliabilityNote: null,
        },
        captures: [],
      },
      {
        id: 'ev3',
        url: 'https://example.org/retracted',
        title: 'Withdrawn',
        excerpt: null,
        publishedAt: null,
        retrievedAt: null,
        archiveUrl: null,
        stance: 'REFUTES',
        credibility: 5,
        note: null,
        derivedFromId: null,
        quantity: null,
        retracted: true,
        retractionReason: 'Wrong claim',
        addedBy: null,
        source: {
          id: 's-un',
          name: 'UN OHCHR',
          kind: 'INTERNATIONAL_ORG',
          homepage: null,
          reliability: 'B',
          reliabilityNote: null,
        },
        captures: [],
      },
    ],
  };
}

describe('reviewRatingOf', () => {
  it('puts the five rated verdicts on 1–5, higher meaning truer', () => {
    const values = VERDICT_SCALE.map((v) => reviewRatingOf(v));
    expect(values.map((r) => (r as { ratingValue: number }).ratingValue)).toEqual([1, 2, 3, 4, 5]);
    expect(reviewRatingOf('FALSE')).toEqual({
      '@type': 'Rating',
      ratingValue: 1,
      bestRating: 5,
      worstRating: 1,
      alternateName: 'False',
    });
    expect(reviewRatingOf('MOSTLY_TRUE')).toMatchObject({
      ratingValue: 4,
      alternateName: 'Mostly true',
    });
  });

  it('gives UNVERIFIABLE only its name: it is off the scale', () => {
    expect(reviewRatingOf('UNVERIFIABLE')).toEqual({
      '@type': 'Rating',
      alternateName: 'Unverifiable',
    });
  });
});

describe('claimReviewOf', () => {
  it('maps the verified UN detention claim onto Google’s ClaimReview profile', () => {
    expect(claimReviewOf(detained(), ORG)).toEqual({
      '@type': 'ClaimReview',
      '@id': 'https://corroborate.example.org/claims/11111111-1111-4111-8111-111111111111#review',
      url: 'https://corroborate.example.org/claims/11111111-1111-4111-8111-111111111111',
      claimReviewed:
        'Authorities have detained more than 30,000 protesters since the August election.',
      datePublished: '2021-01-20',
      author: {
        '@type': 'Organization',
        name: 'Minsk Fact Desk',
        url: 'https://factdesk.example.org/',
        logo: 'https://factdesk.example.org/logo.png',
      },
      reviewRating: {
        '@type': 'Rating',
        ratingValue: 5,
        bestRating: 5,
        worstRating: 1,
        alternateName: 'True',
      },
      reviewBody: 'The UN and Viasna independently count more than 30,000 detentions.',
      license: 'https://creativecommons.org/licenses/by/4.0/',
      keywords: 'detentions, UN',
      itemReviewed: {
        '@type': 'Claim',
        author: { '@type': 'Person', name: 'United Nations' },
        datePublished: '2021-01-17',
        appearance: { '@type': 'CreativeWork', url: 'https://news.example.org/belarus-protests' },
        firstAppearance: {
          '@type': 'CreativeWork',
          url: 'https://news.example.org/belarus-protests',
        },
      },
    });
  });

  it('leaves out what is not known: no claimant, no appearance, no organisation URL or licence', () => {
    const record = {
      ...detained(),
      claimant: null,
      firstAppearanceUrl: null,
      firstAppearedAt: null,
      topics: [],
    };
    const review = claimReviewOf(record, { name: 'Desk', url: null, logoUrl: null, license: null });
    expect(review).not.toHaveProperty('license');
    expect(review).not.toHaveProperty('keywords');
    expect((review as { author: unknown }).author).toEqual({
      '@type': 'Organization',
      name: 'Desk',
    });
    expect((review as { itemReviewed: unknown }).itemReviewed).toEqual({ '@type': 'Claim' });
  });
});

describe('the JSON-LD feed', () => {
  it('frames items into one valid DataFeed document, also when empty', () => {
    const frame = claimReviewFeedFrame(ORG, '2021-02-01T00:00:00.000Z');
    const empty = JSON.parse(frame.opening + frame.closing) as Record<string, unknown>;
    expect(empty).toEqual({
      '@context': 'https://schema.org',
      '@type': 'DataFeed',
      name: 'Minsk Fact Desk: verified claims',
      dateModified: '2021-02-01T00:00:00.000Z',
      license: 'https://creativecommons.org/licenses/by/4.0/',
      dataFeedElement: [],
    });
    const item = JSON.stringify(claimReviewFeedItem(detained(), ORG));
    const two = JSON.parse(frame.opening + item + frame.separator + item + frame.closing) as {
      dataFeedElement: {
        '@type': string;
        dateCreated: string;
        item: { claimReviewed: string }[];
      }[];
    };
    expect(two.dataFeedElement).toHaveLength(2);
    expect(two.dataFeedElement[0]['@type']).toBe('DataFeedItem');
    expect(two.dataFeedElement[0].dateCreated).toBe('2021-01-20T15:30:00.000Z');
    expect(two.dataFeedElement[0].item[0].claimReviewed).toMatch(/30,000/);
  });
});

describe('csvRowOf', () => {
  it('gives one cell per column, counting only live evidence and naming graded sources once', () => {
    const row = csvRowOf(detained());
    expect(row).toHaveLength(CSV_COLUMNS.length);
    const cell = Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, row[i]]));
    expect(cell).toMatchObject({
      claim_id: '11111111-1111-4111-8111-111111111111',
      project: 'Belarus protests, Jan 2021',
      claimant: 'United Nations',
      topics: 'detentions; UN',
      verdict: 'TRUE',
      rating_value: '5',
      likelihood: 'ALMOST_CERTAIN',
      likelihood_band: '95–99%',
      confidence: 'HIGH',
      adjudicated_at: '2021-01-20T15:30:00.000Z',
      adjudicated_by: 'Demo Editor',
      evidence_count: '2',
      supporting_count: '2',
      refuting_count: '0',
      sources: 'UN OHCHR (B2); Viasna (B2)',
      assessment_count: '1',
    });
  });

  it('leaves the rating empty for UNVERIFIABLE and unknown values empty', () => {
    const record = detained();
    record.adjudication = { ...record.adjudication, verdict: 'UNVERIFIABLE', adjudicatedBy: null };
    record.claimant = null;
    const cell = Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, csvRowOf(record)[i]]));
    expect(cell['rating_value']).toBe('');
    expect(cell['claimant']).toBe('');
    expect(cell['adjudicated_by']).toBe('');
  });
});

describe('csvSafeCell', () => {
  it('turns what a spreadsheet would run as a formula into text, and leaves the rest alone', () => {
    expect(csvSafeCell('=HYPERLINK("https://evil.example","click")')).toBe(
      `'=HYPERLINK("https://evil.example","click")`,
    );
    for (const lead of ['+', '-', '@', '\t', '\r'])
      expect(csvSafeCell(`${lead}1`)).toBe(`'${lead}1`);
    expect(csvSafeCell('Authorities detained 30,000 = a record')).toBe(
      'Authorities detained 30,000 = a record',
    );
    expect(csvSafeCell('')).toBe('');
  });

  it('is applied to every cell of a row', () => {
    const record = detained();
    record.text = '=1+1';
    record.claimant = '@someone';
    const cell = Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, csvRowOf(record)[i]]));
    expect(cell['claim']).toBe("'=1+1");
    expect(cell['claimant']).toBe("'@someone");
  });
});

describe('ndjsonRecordOf', () => {
  it('keeps the full record, with each evidence item’s grade and its captures’ SHA-256', () => {
    const out = ndjsonRecordOf(detained()) as {
      type: string;
      version: number;
      evidence: { grade: string; captures: { sha256: string }[]; retracted: boolean }[];
      assessments: unknown[];
      adjudication: { verdict: string };
    };
    expect(out.type).toBe('corroborate.verified-claim');
    expect(out.version).toBe(1);
    expect(out.evidence.map((e) => e.grade)).toEqual(['B2', 'B2', 'B5']);
    expect(out.evidence[0].captures[0].sha256).toBe('a'.repeat(64));
    expect(out.evidence[2].retracted).toBe(true);
    expect(out.assessments).toHaveLength(1);
    expect(out.adjudication.verdict).toBe('TRUE');
    // A line of NDJSON: serialises without newlines.
    expect(JSON.stringify(out)).not.toMatch(/\n/);
  });
});

describe('importing an NDJSON export record back', () => {
  it('takes the claim as taken in and its standing evidence; verdicts and ids stay behind', () => {
    // Through JSON, as a file would carry it.
    const line = JSON.parse(JSON.stringify(ndjsonRecordOf(detained()))) as unknown;
    const result = validateClaimRecord(line);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.claim).toEqual({
      text: 'Authorities have detained more than 30,000 protesters since the August election.',
      claimant: 'United Nations',
      firstAppearanceUrl: 'https://news.example.org/belarus-protests',
      firstAppearedAt: '2021-01-17T12:00:00.000Z',
      topics: ['detentions', 'UN'],
      priority: 'HIGH',
      dueAt: null,
      evidence: [
        {
          url: 'https://www.ohchr.org/en/statement',
          title: 'UN statement',
          excerpt: 'more than 30,000 people have been detained',
          publishedAt: '2021-01-15T00:00:00.000Z',
          stance: 'SUPPORTS',
          credibility: 2,
          source: { name: 'UN OHCHR', kind: 'INTERNATIONAL_ORG', reliability: 'B' },
        },
        {
          url: 'https://spring96.org/en/news',
          title: 'Viasna count',
          excerpt: null,
          publishedAt: null,
          stance: 'SUPPORTS',
          credibility: 2,
          source: { name: 'Viasna', kind: 'NGO', reliability: 'B' },
        },
      ],
    });
  });

  it('refuses a record of another version, naming the field', () => {
    const line = { ...ndjsonRecordOf(detained()), version: 2 };
    const result = validateClaimRecord(line);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]).toMatchObject({ field: 'version' });
  });

  it('still validates what it takes: a bad stance in an exported record is a problem', () => {
    const record = detained();
    const line = JSON.parse(JSON.stringify(ndjsonRecordOf(record))) as {
      evidence: { stance: string }[];
    };
    line.evidence[0].stance = 'MAYBE';
    const result = validateClaimRecord(line);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0].field).toBe('evidence[0].stance');
  });
});

describe('export counts and file names', () => {
  it('counts claims, evidence, distinct sources, assessments, captures and verdicts', () => {
    const counts = emptyExportCounts();
    const seen = new Set<string>();
    countRecord(counts, detained(), seen);
    const second = detained();
    second.adjudication = { ...second.adjudication, verdict: 'MIXED' };
    countRecord(counts, second, seen);
    expect(counts).toMatchObject({
      claims: 2,
      evidence: 6,
      sources: 2,
      assessments: 2,
      captures: 2,
    });
    expect(counts.byVerdict).toMatchObject({ TRUE: 1, MIXED: 1, FALSE: 0 });
  });

  it('names the file after the format and time', () => {
    expect(exportFileName('csv', '2021-02-01T09:05:07.123Z')).toBe(
      'corroborate-claims-20210201-090507.csv',
    );
  });
});
