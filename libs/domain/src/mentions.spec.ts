import { describe, expect, it } from 'vitest';
import { mentionTokens, resolveMentions } from './mentions';

const users = [
  { id: 'rita', email: 'rita@example.org' },
  { id: 'ruslan', email: 'ruslan@example.org' },
  { id: 'ed-org', email: 'ed@example.org' },
  { id: 'ed-net', email: 'ed@newsroom.net' },
];

describe('mentionTokens', () => {
  it('finds short and full-address mentions and drops trailing punctuation', () => {
    expect(mentionTokens('@rita, can you check this? cc @ruslan@example.org.')).toEqual([
      'rita',
      'ruslan@example.org',
    ]);
  });

  it('does not treat an email address in the text as a mention', () => {
    expect(mentionTokens('write to press@ministry.by for the figure')).toEqual([]);
  });

  it('finds a mention at the start of a line and after brackets', () => {
    expect(mentionTokens('(@rita)\n@ruslan: see above')).toEqual(['rita', 'ruslan']);
  });
});

describe('resolveMentions', () => {
  it('resolves a unique local part and a full address, case-insensitively, each once', () => {
    expect(resolveMentions('@Rita and @RUSLAN@example.org, and @rita again', users)).toEqual({
      userIds: ['rita', 'ruslan'],
      unmatched: [],
      ambiguous: [],
    });
  });

  it('reports a local part shared by two users as ambiguous and the full address resolves it', () => {
    expect(resolveMentions('@ed please', users)).toEqual({
      userIds: [],
      unmatched: [],
      ambiguous: ['ed'],
    });
    expect(resolveMentions('@ed@newsroom.net please', users).userIds).toEqual(['ed-net']);
  });

  it('keeps handles that name nobody as unmatched (e.g. a quoted social-media account)', () => {
    expect(resolveMentions('The clip was posted by @nexta_tv first', users)).toEqual({
      userIds: [],
      unmatched: ['nexta_tv'],
      ambiguous: [],
    });
  });
});
