import { describe, expect, it } from 'vitest';
import { type Row, mergeCandidateRows } from './candidate-rows';

function row(text: string, change: Partial<Row> = {}): Row {
  return {
    key: text.slice(0, 8),
    text,
    original: text,
    claimant: '',
    reasons: ['FIGURE'],
    attribution: null,
    figures: [],
    duplicates: [],
    state: 'open',
    saving: false,
    created: null,
    mergedInto: null,
    error: null,
    ...change,
  };
}

const UN = 'Authorities have detained more than 30,000 protesters, according to the UN.';
const MARCHES = 'At least 30 marches took place on January 17, BelaPAN reported.';
const US_EU = 'The US and the EU have refused to recognise the result.';

describe('mergeCandidateRows', () => {
  it('keeps decisions and edits of candidates found again', () => {
    const previous = [
      row(UN, { state: 'accepted', created: { id: 'c1', text: UN } }),
      row(MARCHES, { text: 'At least 30 marches took place on 17 January.' }),
      row(US_EU, { state: 'discarded' }),
    ];
    const found = [row(UN, { key: 'new-1' }), row(MARCHES, { key: 'new-2' }), row(US_EU)];
    const merged = mergeCandidateRows(previous, found);
    expect(merged.map((r) => [r.key, r.state, r.text])).toEqual([
      ['new-1', 'accepted', UN],
      ['new-2', 'open', 'At least 30 marches took place on 17 January.'],
      [US_EU.slice(0, 8), 'discarded', US_EU],
    ]);
    expect(merged[0]?.created?.id).toBe('c1');
  });

  it('keeps accepted and edited rows that a changed article no longer yields', () => {
    const previous = [
      row(UN, { state: 'accepted', created: { id: 'c1', text: UN } }),
      row(MARCHES, { text: 'Edited by hand' }),
      row(US_EU, { state: 'discarded' }),
    ];
    const merged = mergeCandidateRows(previous, []);
    expect(merged.map((r) => r.original)).toEqual([UN, MARCHES]);
    expect(new Set(merged.map((r) => r.key)).size).toBe(2);
  });

  it('does not list a candidate’s own accepted claim as its duplicate', () => {
    const created = { id: 'c1', text: UN };
    const previous = [row(UN, { state: 'accepted', created })];
    const found = [
      row(UN, {
        duplicates: [
          { score: 1, claim: { id: 'c1', text: UN, version: 1, status: 'NEW' } },
          {
            score: 0.8,
            claim: {
              id: 'demo',
              text: 'Authorities detained 30,000',
              version: 3,
              status: 'IN_REVIEW',
            },
          },
        ] as Row['duplicates'],
      }),
    ];
    expect(mergeCandidateRows(previous, found)[0]?.duplicates.map((d) => d.claim.id)).toEqual([
      'demo',
    ]);
  });

  it('takes a first search as it is', () => {
    const found = [row(UN)];
    expect(mergeCandidateRows(null, found)).toBe(found);
  });
});
