import { describe, expect, it } from 'vitest';
import { changeShown, formatChangeValue, humaniseAction, humaniseField } from './history-format';
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
});
