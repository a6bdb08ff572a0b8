import { describe, it, expect } from 'vitest';
import {
  DEFAULT_PRIORITY,
  PRIORITIES,
  compareByUrgency,
  isPriority,
  priorityRank,
  type Priority,
} from './priority.scale';

describe('priority', () => {
  it('is LOW < NORMAL < HIGH < URGENT with NORMAL as default', () => {
    expect(PRIORITIES).toEqual(['LOW', 'NORMAL', 'HIGH', 'URGENT']);
    expect(priorityRank('URGENT')).toBe(3);
    expect(DEFAULT_PRIORITY).toBe('NORMAL');
    expect(isPriority('CRITICAL')).toBe(false);
  });

  it('sorts the most urgent first', () => {
    const list: Priority[] = ['NORMAL', 'URGENT', 'LOW', 'HIGH'];
    expect([...list].sort(compareByUrgency)).toEqual(['URGENT', 'HIGH', 'NORMAL', 'LOW']);
  });
});
