import { describe, expect, it } from 'vitest';
import { changeShown, formatChangeValue, humaniseAction, humaniseField } from './history-format';
import { formatDateTime } from './format';
import { PRIORITY_LABELS, VERDICT_LABELS } from './labels';

describe('history wording', () => {
  it('says recorded field names as people say them', () => {
    expect(humaniseField('claimId')).toBe('Claim');
    expect(humaniseField('reviewerId')).toBe('Reviewer');
    expect(humaniseField('evidenceIds')).toBe('Evidence');
    expect(humaniseField('parentId')).toBe('Reply to');
    expect(humaniseField('mentionedUserIds')).toBe('Mentioned');
    expect(humaniseField('firstAppearanceUrl')).toBe('First appearance URL');
    expect(humaniseField('url')).toBe('URL');
    expect(humaniseField('hasContradiction')).toBe('Has contradiction');
    expect(humaniseField('quantityMin')).toBe('Quantity min');
    expect(humaniseField('sha256')).toBe('SHA-256');
    expect(humaniseField('text')).toBe('Text');
  });

  it('says actions and values plainly', () => {
    expect(humaniseAction('evidence.retracted')).toBe('Evidence retracted');
    expect(formatChangeValue(null)).toBe('—');
    expect(formatChangeValue('"B"')).toBe('B');
    expect(formatChangeValue('["election","detentions"]')).toBe('election, detentions');
    expect(formatChangeValue('[]')).toBe('(none)');
    expect(formatChangeValue('3')).toBe('3');
  });

  it('says recorded times as local dates and times, and ids nothing names by their start', () => {
    const due = '2026-12-14T08:21:54.252Z';
    expect(formatChangeValue(JSON.stringify(due), 'dueAt')).toBe(formatDateTime(due));
    expect(formatChangeValue(JSON.stringify(due), 'dueAt')).not.toContain('T08:21');
    expect(formatChangeValue('"2021-01-17T00:00Z"', 'publishedAt')).toBe(
      formatDateTime('2021-01-17T00:00Z'),
    );
    expect(formatChangeValue('"01a24f88-8c08-77f8-b15c-ee8db0f635ae"', 'importId')).toBe(
      '01a24f88…',
    );
    // Text that only looks a little like either stays as written.
    expect(formatChangeValue('"2021-01-17"', 'claimant')).toBe('2021-01-17');
    expect(formatChangeValue('"Protest on 2021-01-17T08:00Z"', 'text')).toBe(
      'Protest on 2021-01-17T08:00Z',
    );
    expect(formatChangeValue('"01a24f88-8c08"', 'claimant')).toBe('01a24f88-8c08');
  });

  it('says the values of the scales and the workflow in words, by field', () => {
    expect(formatChangeValue('"NEEDS_ADJUDICATION"', 'status')).toBe('Needs adjudication');
    // An assignment's or assessment's status is not a claim status, but still words.
    expect(formatChangeValue('"SUBMITTED"', 'status')).toBe('Submitted');
    expect(formatChangeValue('"MOSTLY_TRUE"', 'verdict')).toBe(VERDICT_LABELS.MOSTLY_TRUE);
    expect(formatChangeValue('"LIKELY"', 'likelihood')).toBe('likely / probable (55–80%)');
    expect(formatChangeValue('"B"', 'reliability')).toBe('B · Usually reliable');
    expect(formatChangeValue('2', 'credibility')).toBe('2 · Probably true');
    expect(formatChangeValue('"URGENT"', 'priority')).toBe(PRIORITY_LABELS.URGENT);
    // Words only for the fields they belong to: a claimant in capitals stays as written.
    expect(formatChangeValue('"NEXTA"', 'claimant')).toBe('NEXTA');
    expect(formatChangeValue('"Z"', 'reliability')).toBe('Z');
    // An adjudication's final ones too.
    expect(formatChangeValue('"TRUE"', 'finalVerdict')).toBe(VERDICT_LABELS.TRUE);
    expect(formatChangeValue('"ALMOST_CERTAIN"', 'finalLikelihood')).toBe(
      'almost certain / nearly certain (95–99%)',
    );
    expect(formatChangeValue('"HIGH"', 'finalConfidence')).toBe('High confidence');
  });

  it("leaves out a change that only records the timeline's own subject", () => {
    const claim = '4a3c2d1e-0000-4000-8000-000000000001';
    const other = '4a3c2d1e-0000-4000-8000-000000000002';
    expect(changeShown({ before: null, after: JSON.stringify(claim) }, claim)).toBe(false);
    // A move to or from another claim is news, and so is any change without a subject.
    expect(changeShown({ before: null, after: JSON.stringify(other) }, claim)).toBe(true);
    expect(
      changeShown({ before: JSON.stringify(other), after: JSON.stringify(claim) }, claim),
    ).toBe(true);
    expect(changeShown({ before: null, after: JSON.stringify(claim) }, undefined)).toBe(true);
  });

  it('leaves out the id of a record the event describes by its other fields', () => {
    const id = JSON.stringify('4ff6e757-0000-4000-8000-000000000001');
    expect(changeShown({ field: 'assignmentId', before: null, after: id }, undefined)).toBe(false);
    expect(changeShown({ field: 'adjudicationId', before: null, after: id }, undefined)).toBe(
      false,
    );
    expect(changeShown({ field: 'reviewerId', before: null, after: id }, undefined)).toBe(true);
    expect(changeShown({ field: 'importId', before: null, after: id }, undefined)).toBe(true);
  });
});
