/**
 * The Admiralty (NATO) system for grading intelligence: a letter for the reliability of the
 * SOURCE and a digit for the credibility of the individual ITEM of information, written
 * together as e.g. "B2".
 *
 * Source: NATO STANAG 2511 / AJP-2.1 "Intelligence Procedures", Annex on source reliability
 * and information credibility; also UK College of Policing and US Army FM 2-22.3, Appendix B.
 * The official wording is used for the labels below.
 */

/** Source reliability grades, best first. */
export const RELIABILITY_GRADES = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export type Reliability = (typeof RELIABILITY_GRADES)[number];

export const RELIABILITY_LABELS: Readonly<Record<Reliability, string>> = {
  A: 'Completely reliable',
  B: 'Usually reliable',
  C: 'Fairly reliable',
  D: 'Not usually reliable',
  E: 'Unreliable',
  F: 'Reliability cannot be judged',
};

/** Information credibility grades, best first. */
export const CREDIBILITY_GRADES = [1, 2, 3, 4, 5, 6] as const;
export type Credibility = (typeof CREDIBILITY_GRADES)[number];

export const CREDIBILITY_LABELS: Readonly<Record<Credibility, string>> = {
  1: 'Confirmed by other sources',
  2: 'Probably true',
  3: 'Possibly true',
  4: 'Doubtful',
  5: 'Improbable',
  6: 'Truth cannot be judged',
};

/** A combined Admiralty grade such as B2. */
export interface AdmiraltyGrade {
  readonly reliability: Reliability;
  readonly credibility: Credibility;
}

export function isReliability(value: unknown): value is Reliability {
  return typeof value === 'string' && (RELIABILITY_GRADES as readonly string[]).includes(value);
}

export function isCredibility(value: unknown): value is Credibility {
  return typeof value === 'number' && (CREDIBILITY_GRADES as readonly number[]).includes(value);
}

/** Thrown by {@link parseGrade} (and the other parsers) for text that is not a valid grade. */
export class GradeParseError extends Error {
  constructor(
    readonly input: string,
    detail: string,
  ) {
    super(`Invalid Admiralty grade "${input}": ${detail}`);
    this.name = 'GradeParseError';
  }
}

/** formatGrade('B', 2) === 'B2'. */
export function formatGrade(reliability: Reliability, credibility: Credibility): string;
export function formatGrade(grade: AdmiraltyGrade): string;
export function formatGrade(
  reliabilityOrGrade: Reliability | AdmiraltyGrade,
  credibility?: Credibility,
): string {
  if (typeof reliabilityOrGrade === 'object') {
    return `${reliabilityOrGrade.reliability}${reliabilityOrGrade.credibility}`;
  }
  if (!isReliability(reliabilityOrGrade)) {
    throw new RangeError(
      `Unknown source reliability "${String(reliabilityOrGrade)}" (expected A–F)`,
    );
  }
  if (!isCredibility(credibility)) {
    throw new RangeError(`Unknown information credibility "${String(credibility)}" (expected 1–6)`);
  }
  return `${reliabilityOrGrade}${credibility}`;
}

/**
 * Parses "B2" (case-insensitive, surrounding whitespace ignored) into its two parts.
 * Throws {@link GradeParseError} saying exactly what is wrong otherwise.
 */
export function parseGrade(text: string): AdmiraltyGrade {
  const trimmed = text.trim().toUpperCase();
  if (trimmed.length === 0) throw new GradeParseError(text, 'it is empty');
  if (trimmed.length !== 2) {
    throw new GradeParseError(
      text,
      'expected a reliability letter A–F followed by a credibility digit 1–6, e.g. "B2"',
    );
  }
  const [letter, digit] = [trimmed[0], trimmed[1]];
  if (!isReliability(letter)) {
    throw new GradeParseError(text, `source reliability "${letter}" is not one of A–F`);
  }
  const credibility = Number(digit);
  if (!/^[0-9]$/.test(digit) || !isCredibility(credibility)) {
    throw new GradeParseError(text, `information credibility "${digit}" is not one of 1–6`);
  }
  return { reliability: letter, credibility };
}

/** Parses a single reliability letter ("b" → "B"). */
export function parseReliability(text: string): Reliability {
  const letter = text.trim().toUpperCase();
  if (!isReliability(letter)) {
    throw new GradeParseError(text, 'source reliability must be one of A, B, C, D, E, F');
  }
  return letter;
}

/** Parses a credibility digit from text or number ("2" → 2). */
export function parseCredibility(value: string | number): Credibility {
  const n = typeof value === 'number' ? value : Number(value.trim());
  if (!isCredibility(n)) {
    throw new GradeParseError(String(value), 'information credibility must be one of 1–6');
  }
  return n;
}

/** 0 for A … 5 for F. Lower is better. */
export function reliabilityRank(reliability: Reliability): number {
  return RELIABILITY_GRADES.indexOf(reliability);
}

/** 0 for 1 … 5 for 6. Lower is better. */
export function credibilityRank(credibility: Credibility): number {
  return CREDIBILITY_GRADES.indexOf(credibility);
}

/**
 * Comparator for choosing the "best" grade; sorts best first (negative when `a` is better).
 *
 * Design choices (the Admiralty system itself defines no combined order):
 * - Reliability is compared first and credibility breaks ties (lexicographic), matching the
 *   way the grade is written ("A3" before "B1"). The source's reliability is the more stable,
 *   registry-level judgement; the item credibility refines it.
 * - F ("reliability cannot be judged") and 6 ("truth cannot be judged") are not claims of
 *   unreliability, but for "best" purposes an unjudged grade gives no positive assurance, so
 *   they rank BELOW E and 5 respectively. Hence the order A < B < C < D < E < F and
 *   1 < 2 < 3 < 4 < 5 < 6, i.e. the natural order of the symbols.
 */
export function compareGrades(a: AdmiraltyGrade, b: AdmiraltyGrade): number {
  const byReliability = reliabilityRank(a.reliability) - reliabilityRank(b.reliability);
  if (byReliability !== 0) return byReliability;
  return credibilityRank(a.credibility) - credibilityRank(b.credibility);
}

/** The best grade of a list according to {@link compareGrades}; null for an empty list. */
export function bestGrade(grades: readonly AdmiraltyGrade[]): AdmiraltyGrade | null {
  let best: AdmiraltyGrade | null = null;
  for (const grade of grades) {
    if (best === null || compareGrades(grade, best) < 0) best = grade;
  }
  return best;
}

/** True for reliability A or B with credibility 1 or 2: the "strong evidence" band. */
export function isStrongGrade(grade: AdmiraltyGrade): boolean {
  return (
    (grade.reliability === 'A' || grade.reliability === 'B') &&
    (grade.credibility === 1 || grade.credibility === 2)
  );
}
