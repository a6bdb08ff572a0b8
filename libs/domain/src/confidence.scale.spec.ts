import { describe, it, expect } from 'vitest';
import {
  CONFIDENCE_LEVELS,
  CONFIDENCE_LABELS,
  confidenceRank,
  isConfidence,
} from './confidence.scale';

describe('confidence', () => {
  it('is LOW < MODERATE < HIGH', () => {
    expect(CONFIDENCE_LEVELS).toEqual(['LOW', 'MODERATE', 'HIGH']);
    expect(CONFIDENCE_LEVELS.map(confidenceRank)).toEqual([0, 1, 2]);
    expect(CONFIDENCE_LABELS.MODERATE).toBe('Moderate confidence');
    expect(isConfidence('MEDIUM')).toBe(false);
    expect(isConfidence('HIGH')).toBe(true);
  });
});
