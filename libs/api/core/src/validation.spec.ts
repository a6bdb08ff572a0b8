import { describe, expect, it } from 'vitest';
import { nulCharacterPath } from './validation';

describe('nulCharacterPath', () => {
  it('names the first field holding a NUL character, at any depth', () => {
    expect(nulCharacterPath({ text: 'fine', quantity: { unit: 'a\u0000b' } }, '')).toBe(
      'quantity.unit',
    );
    expect(nulCharacterPath({ topics: ['ok', '\u0000'] }, '')).toBe('topics[1]');
    expect(nulCharacterPath('x\u0000', 'search')).toBe('search');
  });

  it('passes clean input, including other control and unicode characters', () => {
    expect(nulCharacterPath({ text: 'tab\there, RTL \u202E, emoji 👩‍👩‍👧', n: 1 }, '')).toBeNull();
    expect(nulCharacterPath(null, 'input')).toBeNull();
  });
});
