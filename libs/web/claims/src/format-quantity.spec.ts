import { describe, expect, it } from 'vitest';
import { formatBytes, formatQuantity } from './format-quantity';

describe('quantity and size formatting', () => {
  it('shows open-ended, single and ranged quantities with their date', () => {
    expect(
      formatQuantity({
        min: 30000,
        max: null,
        unit: 'people detained',
        asOf: '2021-01-15T12:00:00Z',
      }),
    ).toBe('≥ 30,000 people detained as of 2021-01-15');
    expect(formatQuantity({ min: 30, max: 30, unit: 'marches' })).toBe('30 marches');
    expect(formatQuantity({ min: 19000, max: 21000, unit: 'people' })).toBe('19,000–21,000 people');
  });

  it('shows sizes in binary units', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(25 * 1024 * 1024)).toBe('25 MB');
  });
});
