import { describe, expect, it } from 'vitest';
import type { ClaimFieldValues } from '@corroborate/web-ui';
import { rebaseClaimValues } from './claim-rebase';

const base: ClaimFieldValues = {
  text: 'Authorities have detained more than 30,000 protesters',
  claimant: 'UN human rights office',
  firstAppearanceUrl: '',
  firstAppearedAt: '',
  topics: ['detentions'],
  priority: 'NORMAL',
  dueAt: '',
};

describe('rebaseClaimValues', () => {
  it('keeps what the person changed and takes the latest values for the rest', () => {
    const typed = {
      ...base,
      text: 'Authorities detained more than 30,000 protesters since August',
    };
    const latest = { ...base, priority: 'URGENT' as const, topics: ['detentions', 'protests'] };
    expect(rebaseClaimValues(typed, base, latest)).toEqual({
      ...base,
      text: 'Authorities detained more than 30,000 protesters since August',
      priority: 'URGENT',
      topics: ['detentions', 'protests'],
    });
  });

  it('keeps the typed value where both sides changed the same field', () => {
    const typed = { ...base, claimant: 'OHCHR' };
    const latest = { ...base, claimant: 'Viasna' };
    expect(rebaseClaimValues(typed, base, latest).claimant).toBe('OHCHR');
  });

  it('compares topic lists by content, not identity', () => {
    const typed = { ...base, topics: ['detentions'] };
    const latest = { ...base, topics: ['torture'] };
    expect(rebaseClaimValues(typed, base, latest).topics).toEqual(['torture']);
  });
});
