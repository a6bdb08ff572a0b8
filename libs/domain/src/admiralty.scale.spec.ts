import { describe, it, expect } from 'vitest';
import {
  CREDIBILITY_GRADES,
  CREDIBILITY_LABELS,
  GradeParseError,
  RELIABILITY_GRADES,
  RELIABILITY_LABELS,
  type AdmiraltyGrade,
  type Credibility,
  type Reliability,
  bestGrade,
  compareGrades,
  formatGrade,
  isStrongGrade,
  parseCredibility,
  parseGrade,
  parseReliability,
} from './admiralty.scale';

const g = (text: string): AdmiraltyGrade => parseGrade(text);

describe('Admiralty source reliability and information credibility', () => {
  it('uses the official NATO names', () => {
    expect(RELIABILITY_GRADES.map((r) => `${r} ${RELIABILITY_LABELS[r]}`)).toEqual([
      'A Completely reliable',
      'B Usually reliable',
      'C Fairly reliable',
      'D Not usually reliable',
      'E Unreliable',
      'F Reliability cannot be judged',
    ]);
    expect(CREDIBILITY_GRADES.map((c) => `${c} ${CREDIBILITY_LABELS[c]}`)).toEqual([
      '1 Confirmed by other sources',
      '2 Probably true',
      '3 Possibly true',
      '4 Doubtful',
      '5 Improbable',
      '6 Truth cannot be judged',
    ]);
  });

  it('formats a grade', () => {
    expect(formatGrade('B', 2)).toBe('B2');
    expect(formatGrade('F', 6)).toBe('F6');
    expect(formatGrade({ reliability: 'A', credibility: 1 })).toBe('A1');
  });

  it('refuses to format out-of-range parts', () => {
    expect(() => formatGrade('G' as Reliability, 2)).toThrow(/reliability "G"/);
    expect(() => formatGrade('A', 7 as Credibility)).toThrow(/credibility "7"/);
  });

  it('parses grades case-insensitively and round-trips every grade', () => {
    expect(parseGrade('B2')).toEqual({ reliability: 'B', credibility: 2 });
    expect(parseGrade(' c3 ')).toEqual({ reliability: 'C', credibility: 3 });
    for (const r of RELIABILITY_GRADES) {
      for (const c of CREDIBILITY_GRADES) {
        expect(formatGrade(parseGrade(formatGrade(r, c)))).toBe(`${r}${c}`);
      }
    }
  });

  it('gives a specific error for each kind of bad grade', () => {
    expect(() => parseGrade('')).toThrow(GradeParseError);
    expect(() => parseGrade('')).toThrow('Invalid Admiralty grade "": it is empty');
    expect(() => parseGrade('G2')).toThrow('source reliability "G" is not one of A–F');
    expect(() => parseGrade('B7')).toThrow('information credibility "7" is not one of 1–6');
    expect(() => parseGrade('B0')).toThrow('information credibility "0" is not one of 1–6');
    expect(() => parseGrade('Bx')).toThrow('information credibility "X" is not one of 1–6');
    expect(() => parseGrade('B22')).toThrow(/followed by a credibility digit/);
    expect(() => parseGrade('2B')).toThrow('source reliability "2" is not one of A–F');
  });

  it('parses the single parts', () => {
    expect(parseReliability('d')).toBe('D');
    expect(() => parseReliability('AB')).toThrow(GradeParseError);
    expect(parseCredibility('4')).toBe(4);
    expect(parseCredibility(6)).toBe(6);
    expect(() => parseCredibility(2.5)).toThrow(/1–6/);
    expect(() => parseCredibility('')).toThrow(/1–6/);
  });

  it('compares reliability first, then credibility', () => {
    expect(compareGrades(g('A3'), g('B1'))).toBeLessThan(0);
    expect(compareGrades(g('B1'), g('B2'))).toBeLessThan(0);
    expect(compareGrades(g('B2'), g('B2'))).toBe(0);
    expect(compareGrades(g('C1'), g('B6'))).toBeGreaterThan(0);
  });

  it('ranks "cannot be judged" (F, 6) below E and 5 for best-grade purposes', () => {
    expect(compareGrades(g('E1'), g('F1'))).toBeLessThan(0);
    expect(compareGrades(g('B5'), g('B6'))).toBeLessThan(0);
    expect(bestGrade([g('F1'), g('E5')])).toEqual(g('E5'));
    expect(bestGrade([g('C6'), g('C5')])).toEqual(g('C5'));
  });

  it('picks the best grade of a list and sorts best first', () => {
    expect(bestGrade([g('C2'), g('B4'), g('B3'), g('D1')])).toEqual(g('B3'));
    expect(bestGrade([])).toBeNull();
    const sorted = ['D1', 'B4', 'F6', 'A6', 'B2'].map(g).sort(compareGrades).map(formatGrade);
    expect(sorted).toEqual(['A6', 'B2', 'B4', 'D1', 'F6']);
  });

  it('identifies strong (A–B / 1–2) grades', () => {
    expect(['A1', 'A2', 'B1', 'B2'].map(g).every(isStrongGrade)).toBe(true);
    expect(['A3', 'C1', 'B6', 'F1'].map(g).some(isStrongGrade)).toBe(false);
  });
});
