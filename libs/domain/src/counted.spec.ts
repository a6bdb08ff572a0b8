import { describe, expect, it } from 'vitest';
import { counted } from './counted';

describe('counted', () => {
  it('puts the noun in the plural unless the count is one, grouping thousands', () => {
    expect(counted(1, 'claim')).toBe('1 claim');
    expect(counted(0, 'claim')).toBe('0 claims');
    expect(counted(2, 'problem')).toBe('2 problems');
    expect(counted(2500, 'evidence item')).toBe('2,500 evidence items');
    expect(counted(3, 'reply', 'replies')).toBe('3 replies');
    expect(counted(1, 'reply', 'replies')).toBe('1 reply');
  });
});
