import { describe, it, expect } from 'vitest';
import {
  LIKELIHOODS,
  LIKELIHOOD_LABELS,
  type Likelihood,
  bandsOverlap,
  isLikelihood,
  likelihoodBand,
  likelihoodForPercent,
  likelihoodRank,
} from './likelihood.scale';

describe('ICD 203 likelihood bands', () => {
  it('has the ICD 203 percentage ranges', () => {
    expect(LIKELIHOODS.map((l) => [l, likelihoodBand(l).min, likelihoodBand(l).max])).toEqual([
      ['ALMOST_NO_CHANCE', 1, 5],
      ['VERY_UNLIKELY', 5, 20],
      ['UNLIKELY', 20, 45],
      ['ROUGHLY_EVEN', 45, 55],
      ['LIKELY', 55, 80],
      ['VERY_LIKELY', 80, 95],
      ['ALMOST_CERTAIN', 95, 99],
    ]);
  });

  it('bands are contiguous: each starts where the previous ends', () => {
    for (let i = 1; i < LIKELIHOODS.length; i++) {
      expect(likelihoodBand(LIKELIHOODS[i]).min).toBe(likelihoodBand(LIKELIHOODS[i - 1]).max);
    }
  });

  it('uses the ICD 203 wording with both synonyms', () => {
    expect(LIKELIHOOD_LABELS.ALMOST_NO_CHANCE).toBe('almost no chance / remote');
    expect(LIKELIHOOD_LABELS.VERY_UNLIKELY).toBe('very unlikely / highly improbable');
    expect(LIKELIHOOD_LABELS.ROUGHLY_EVEN).toBe('roughly even chance / roughly even odds');
    expect(LIKELIHOOD_LABELS.ALMOST_CERTAIN).toBe('almost certain / nearly certain');
  });

  it('returns a copy, so callers cannot mutate the table', () => {
    const band = likelihoodBand('LIKELY') as { min: number; max: number };
    band.min = 0;
    expect(likelihoodBand('LIKELY')).toEqual({ min: 55, max: 80 });
  });

  it('a band overlaps itself', () => {
    for (const l of LIKELIHOODS) expect(bandsOverlap(l, l)).toBe(true);
  });

  it('adjacent bands touch at one endpoint and do NOT overlap', () => {
    expect(bandsOverlap('VERY_UNLIKELY', 'UNLIKELY')).toBe(false);
    expect(bandsOverlap('UNLIKELY', 'VERY_UNLIKELY')).toBe(false);
    expect(bandsOverlap('LIKELY', 'VERY_LIKELY')).toBe(false);
    expect(bandsOverlap('ALMOST_NO_CHANCE', 'ALMOST_CERTAIN')).toBe(false);
  });

  it('overlap is exactly "same band" for the contiguous ICD 203 bands', () => {
    for (const a of LIKELIHOODS) {
      for (const b of LIKELIHOODS) {
        expect(bandsOverlap(a, b)).toBe(a === b);
      }
    }
  });

  it('maps a percentage to its band, endpoints going to the higher band', () => {
    expect(likelihoodForPercent(0)).toBe('ALMOST_NO_CHANCE');
    expect(likelihoodForPercent(3)).toBe('ALMOST_NO_CHANCE');
    expect(likelihoodForPercent(20)).toBe('UNLIKELY');
    expect(likelihoodForPercent(50)).toBe('ROUGHLY_EVEN');
    expect(likelihoodForPercent(100)).toBe('ALMOST_CERTAIN');
    expect(() => likelihoodForPercent(101)).toThrow(RangeError);
  });

  it('ranks and recognises terms', () => {
    expect(likelihoodRank('ALMOST_NO_CHANCE')).toBe(0);
    expect(likelihoodRank('ALMOST_CERTAIN')).toBe(6);
    expect(isLikelihood('LIKELY')).toBe(true);
    expect(isLikelihood('PROBABLE')).toBe(false);
    expect(() => likelihoodBand('PROBABLE' as Likelihood)).toThrow('Unknown likelihood "PROBABLE"');
  });
});
