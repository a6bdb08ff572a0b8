/**
 * Finds reported figures in a sentence: "at least 30 marches", "more than 30,000 protesters",
 * "1.5 million people", "40%", "tens of thousands of people".
 *
 * Rules:
 * - Digits with optional thousands separators and decimals ("30,000", "1.5"), optionally
 *   followed by a magnitude word ("1.5 million") or a percent sign / "percent" / "per cent".
 * - Dates and years are not figures: a number next to a month name ("January 17", "17 Jan")
 *   or a bare four-digit year 1800–2099 without qualifier, magnitude or percent ("in 2020").
 *   Ordinals ("5th"), times ("10:30") and numbers glued to letters ("G7") are skipped.
 * - Spelled-out magnitudes: "tens of thousands", "hundreds of thousands", "thousands",
 *   "hundreds", "dozens", "millions", and number words with a magnitude ("two million").
 *   Plain small number words ("five months") count only with a qualifier ("at least five").
 * - The qualifier is the phrase right before the number (at least, more than, over, fewer than,
 *   up to, about, nearly…). The unit is the next word (skipping a leading "of"), unless it is a
 *   function word; percentages have the unit "percent".
 * - Every figure also gets the range it asserts, for use as an evidence quantity:
 *   exact → [v, v]; AT_LEAST / MORE_THAN → [v, ∞); AT_MOST / LESS_THAN / UP_TO → [0, v];
 *   ABOUT → [0.9v, 1.1v]; NEARLY → [0.9v, v]; vague magnitudes ("tens of thousands") →
 *   [10 000, 99 999], i.e. [m, 10m − 1] for the magnitude m. These are editable defaults.
 */

export const FIGURE_QUALIFIERS = [
  'AT_LEAST',
  'MORE_THAN',
  'AT_MOST',
  'LESS_THAN',
  'UP_TO',
  'ABOUT',
  'NEARLY',
  'ORDER_OF_MAGNITUDE',
] as const;
export type FigureQualifier = (typeof FIGURE_QUALIFIERS)[number];

export interface ExtractedFigure {
  /** The figure as written, including its qualifier, e.g. "more than 30,000". */
  readonly text: string;
  /** The number itself: 30000 for "more than 30,000", 10000 for "tens of thousands". */
  readonly value: number;
  readonly qualifier: FigureQualifier | null;
  /** The counted thing ("protesters", "marches", "percent"), or null if none follows. */
  readonly unit: string | null;
  /** The range the wording asserts (see the module comment). */
  readonly min: number;
  readonly max: number;
  /** Offsets of `text` within the string searched. */
  readonly start: number;
  readonly end: number;
}

const QUALIFIER_PATTERNS: ReadonlyArray<readonly [RegExp, FigureQualifier]> = [
  [/\b(?:at least|no fewer than|no less than|a minimum of)\s+$/i, 'AT_LEAST'],
  [/\b(?:more than|over|upwards of|in excess of|above|exceeding)\s+$/i, 'MORE_THAN'],
  [/\b(?:at most|no more than|a maximum of)\s+$/i, 'AT_MOST'],
  [/\b(?:fewer than|less than|under|below)\s+$/i, 'LESS_THAN'],
  [/\b(?:up to|as many as)\s+$/i, 'UP_TO'],
  [/\b(?:about|around|approximately|roughly|some|an estimated|estimated|circa)\s+$/i, 'ABOUT'],
  [/\b(?:nearly|almost|close to|just under)\s+$/i, 'NEARLY'],
];

const MAGNITUDES: Readonly<Record<string, number>> = {
  dozen: 12,
  hundred: 100,
  thousand: 1_000,
  million: 1_000_000,
  billion: 1_000_000_000,
  trillion: 1_000_000_000_000,
};

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  a: 1,
  several: 0,
  few: 0,
};

const MONTH_NAMES =
  'January|February|March|April|May|June|July|August|September|October|November|December|' +
  'Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec';
const MONTH_BEFORE = new RegExp(`\\b(?:${MONTH_NAMES})\\.?\\s+$`);
const MONTH_AFTER = new RegExp(`^\\s+(?:${MONTH_NAMES})\\b`);

/** Words that cannot be the unit of a figure. */
const NOT_UNITS = new Set([
  'and',
  'or',
  'the',
  'a',
  'an',
  'to',
  'in',
  'on',
  'at',
  'of',
  'for',
  'by',
  'from',
  'with',
  'is',
  'are',
  'was',
  'were',
  'have',
  'has',
  'had',
  'who',
  'which',
  'that',
  'than',
  'more',
  'or',
  'as',
  'per',
  'since',
  'during',
  'after',
  'before',
]);

function qualifierBefore(
  text: string,
  index: number,
): { qualifier: FigureQualifier; start: number } | null {
  const before = text.slice(Math.max(0, index - 30), index);
  for (const [pattern, qualifier] of QUALIFIER_PATTERNS) {
    const match = pattern.exec(before);
    if (match !== null) return { qualifier, start: index - (before.length - match.index) };
  }
  return null;
}

function unitAfter(text: string, index: number): string | null {
  const match = /^\s+(?:of\s+)?([\p{L}][\p{L}'’-]*)/u.exec(text.slice(index));
  if (match === null) return null;
  const word = match[1];
  if (NOT_UNITS.has(word.toLowerCase())) return null;
  // Keep proper nouns ("30 Belarusians") as written; lowercase ordinary words.
  return /^\p{Lu}/u.test(word) ? word : word.toLowerCase();
}

function rangeFor(value: number, qualifier: FigureQualifier | null): { min: number; max: number } {
  switch (qualifier) {
    case null:
      return { min: value, max: value };
    case 'AT_LEAST':
    case 'MORE_THAN':
      return { min: value, max: Infinity };
    case 'AT_MOST':
    case 'LESS_THAN':
    case 'UP_TO':
      return { min: 0, max: value };
    case 'ABOUT':
      return { min: value * 0.9, max: value * 1.1 };
    case 'NEARLY':
      return { min: value * 0.9, max: value };
    case 'ORDER_OF_MAGNITUDE':
      return { min: value, max: value * 10 - 1 };
  }
}

interface Found {
  readonly start: number;
  readonly end: number;
  readonly value: number;
  readonly qualifier: FigureQualifier | null;
  readonly unit: string | null;
}

const DIGITS =
  /(?<![\p{L}\p{N}.,:])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?![\p{L}\p{N}:]|[.,]\d)(?:\s*(%)|\s+(percent|per cent)\b|\s+(dozen|hundred|thousand|million|billion|trillion)\b)?/giu;

const VAGUE =
  /\b(tens|hundreds|dozens)\s+of\s+(thousands|millions|billions)\b|\b(dozens|hundreds|thousands|millions|billions)\b/giu;

const WORD_NUMBER = new RegExp(
  `\\b(${Object.keys(NUMBER_WORDS).join('|')})(?:\\s+(dozen|hundred|thousand|million|billion))?\\b`,
  'giu',
);

function findDigits(text: string): Found[] {
  const out: Found[] = [];
  for (const m of text.matchAll(DIGITS)) {
    const index = m.index ?? 0;
    const numberText = m[1].replace(/,/g, '') + (m[2] ?? '');
    let value = Number(numberText);
    const percent = m[3] !== undefined || m[4] !== undefined;
    const magnitude = m[5]?.toLowerCase();
    if (magnitude !== undefined) value *= MAGNITUDES[magnitude];
    const end = index + m[0].length;
    const q = qualifierBefore(text, index);
    if (MONTH_BEFORE.test(text.slice(0, index)) || MONTH_AFTER.test(text.slice(end))) continue;
    const isYear = /^(?:18|19|20)\d\d$/.test(m[1]) && m[2] === undefined;
    if (isYear && !percent && magnitude === undefined && q === null) continue;
    out.push({
      start: q?.start ?? index,
      end,
      value,
      qualifier: q?.qualifier ?? null,
      unit: percent ? 'percent' : unitAfter(text, end),
    });
  }
  return out;
}

function findWords(text: string): Found[] {
  const out: Found[] = [];
  for (const m of text.matchAll(VAGUE)) {
    const index = m.index ?? 0;
    const end = index + m[0].length;
    let value: number;
    if (m[1] !== undefined) {
      const base =
        m[1].toLowerCase() === 'tens' ? 10 : m[1].toLowerCase() === 'hundreds' ? 100 : 12;
      value = base * MAGNITUDES[m[2].toLowerCase().replace(/s$/, '')];
    } else {
      const word = m[3].toLowerCase().replace(/s$/, '');
      value = word === 'dozen' ? 12 : MAGNITUDES[word];
    }
    out.push({
      start: index,
      end,
      value,
      qualifier: 'ORDER_OF_MAGNITUDE',
      unit: unitAfter(text, end),
    });
  }
  for (const m of text.matchAll(WORD_NUMBER)) {
    const index = m.index ?? 0;
    const end = index + m[0].length;
    const word = m[1].toLowerCase();
    const magnitude = m[2]?.toLowerCase();
    const q = qualifierBefore(text, index);
    // "a"/"several"/"few" only as "a million", "several thousand"; bare number words need a qualifier.
    if (magnitude === undefined && (q === null || ['a', 'several', 'few'].includes(word))) continue;
    const vague = word === 'several' || word === 'few';
    // "several thousand" is read like "thousands": the magnitude, order-of-magnitude range.
    const value = vague
      ? MAGNITUDES[magnitude ?? 'dozen']
      : NUMBER_WORDS[word] * (magnitude === undefined ? 1 : MAGNITUDES[magnitude]);
    out.push({
      start: q?.start ?? index,
      end,
      value,
      qualifier: q?.qualifier ?? (vague ? 'ORDER_OF_MAGNITUDE' : null),
      unit: unitAfter(text, end),
    });
  }
  return out;
}

/** All figures in `text`, in order of appearance, overlapping matches resolved to the longest. */
export function extractFigures(text: string): ExtractedFigure[] {
  const found = [...findDigits(text), ...findWords(text)].sort(
    (a, b) => a.start - b.start || b.end - a.end,
  );
  const kept: Found[] = [];
  for (const f of found) {
    const last = kept[kept.length - 1];
    if (last !== undefined && f.start < last.end) continue; // overlaps a longer, earlier match
    kept.push(f);
  }
  return kept.map((f) => ({
    text: text.slice(f.start, f.end),
    value: f.value,
    qualifier: f.qualifier,
    unit: f.unit,
    ...rangeFor(f.value, f.qualifier),
    start: f.start,
    end: f.end,
  }));
}
