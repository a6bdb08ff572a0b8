import { describe, it, expect } from 'vitest';
import {
  VERDICT_SCALE,
  VERDICTS,
  VERDICT_LABELS,
  isRatedVerdict,
  isVerdict,
  verdictDistance,
  verdictRank,
} from './verdict.scale';

describe('verdict scale', () => {
  it('orders the rated verdicts from FALSE to TRUE and keeps UNVERIFIABLE outside', () => {
    expect(VERDICT_SCALE).toEqual(['FALSE', 'MOSTLY_FALSE', 'MIXED', 'MOSTLY_TRUE', 'TRUE']);
    expect(VERDICTS).toEqual([...VERDICT_SCALE, 'UNVERIFIABLE']);
  });

  it('labels every verdict', () => {
    expect(VERDICT_LABELS.MOSTLY_FALSE).toBe('Mostly false');
    expect(VERDICT_LABELS.UNVERIFIABLE).toBe('Unverifiable');
    expect(Object.keys(VERDICT_LABELS).sort()).toEqual([...VERDICTS].sort());
  });

  it('ranks verdicts 0..4 and gives UNVERIFIABLE no rank', () => {
    expect(VERDICT_SCALE.map(verdictRank)).toEqual([0, 1, 2, 3, 4]);
    expect(verdictRank('UNVERIFIABLE')).toBeNull();
  });

  it('measures distance in scale steps, symmetric, null with UNVERIFIABLE', () => {
    expect(verdictDistance('FALSE', 'TRUE')).toBe(4);
    expect(verdictDistance('TRUE', 'FALSE')).toBe(4);
    expect(verdictDistance('MIXED', 'MOSTLY_TRUE')).toBe(1);
    expect(verdictDistance('MIXED', 'MIXED')).toBe(0);
    expect(verdictDistance('FALSE', 'MIXED')).toBe(2);
    expect(verdictDistance('UNVERIFIABLE', 'TRUE')).toBeNull();
    expect(verdictDistance('FALSE', 'UNVERIFIABLE')).toBeNull();
    expect(verdictDistance('UNVERIFIABLE', 'UNVERIFIABLE')).toBeNull();
  });

  it('recognises verdict names', () => {
    expect(isVerdict('MOSTLY_TRUE')).toBe(true);
    expect(isVerdict('UNVERIFIABLE')).toBe(true);
    expect(isVerdict('mostly_true')).toBe(false);
    expect(isVerdict(3)).toBe(false);
    expect(isRatedVerdict('UNVERIFIABLE')).toBe(false);
    expect(isRatedVerdict('TRUE')).toBe(true);
  });
});
