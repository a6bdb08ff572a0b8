/**
 * Rule-based English sentence splitter for pasted article text.
 *
 * Rules:
 * - A blank line (paragraph break) always ends a sentence, so headlines and captions without
 *   a full stop stand alone. A single line break is treated as ordinary whitespace, because
 *   pasted text is often hard-wrapped.
 * - Otherwise a sentence ends at ".", "!", "?" or "…" (any run of them), plus any closing quotes
 *   or brackets that follow, when whitespace follows and the next sentence starts with an
 *   uppercase letter, a digit or an opening quote/bracket. A lowercase continuation
 *   (`"Why?" she asked.`) never starts a new sentence.
 * - A full stop directly inside a number ("1.5", "30,000.5") has no whitespace after it and so
 *   never splits.
 * - Abbreviations: titles before names (Mr., Dr., Gen., St., No.) never end a sentence; single
 *   initials ("J. Smith") never do; months ("Jan.") never do before a digit; dotted acronyms
 *   ("U.S.", "U.N.", "a.m.") and words like "Inc." or "etc." end a sentence only when the next
 *   word is a typical sentence opener ("The", "It", "But"…), since "the U.S. The ministry…"
 *   and "the U.S. Embassy" look alike otherwise.
 *
 * Offsets are UTF-16 indexes into the input: `text === input.slice(start, end)`.
 */

export interface SentenceSpan {
  readonly text: string;
  /** Index of the first character. */
  readonly start: number;
  /** Index just past the last character. */
  readonly end: number;
}

/** Abbreviations that always precede something (a name, a number) and never end a sentence. */
const NEVER_FINAL = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'gen',
  'col',
  'lt',
  'sgt',
  'capt',
  'cmdr',
  'adm',
  'maj',
  'gov',
  'sen',
  'rep',
  'rev',
  'hon',
  'pres',
  'st',
  'sr',
  'mt',
  'vs',
  'approx',
  'dept',
  'eg',
  'ie',
  'cf',
]);

/**
 * Abbreviations that precede a number: month names ("Jan. 17") and "No. 5", "Fig. 2". Not final
 * before a digit, otherwise judged by the next word ("The answer was no. The …").
 */
const BEFORE_NUMBERS = new Set([
  'no',
  'nos',
  'fig',
  'vol',
  'pp',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
]);

/** Abbreviations that often end a sentence too. */
const SOMETIMES_FINAL = new Set(['inc', 'ltd', 'co', 'corp', 'etc', 'jr', 'bros', 'llc', 'plc']);

/** Words that typically open a sentence; used to decide the ambiguous cases above. */
const SENTENCE_OPENERS = new Set([
  'the',
  'a',
  'an',
  'it',
  'he',
  'she',
  'they',
  'we',
  'i',
  'you',
  'in',
  'on',
  'at',
  'but',
  'and',
  'this',
  'that',
  'these',
  'those',
  'there',
  'his',
  'her',
  'their',
  'its',
  'our',
  'however',
  'meanwhile',
  'also',
  'after',
  'before',
  'when',
  'while',
  'since',
  'some',
  'many',
  'most',
  'according',
]);

const TERMINATORS = '.!?…';
const CLOSERS = `"'”’)]»`;
const OPENERS = `"'“‘([«`;

function isUpper(ch: string): boolean {
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

function isLower(ch: string): boolean {
  return ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}

function isDigit(ch: string): boolean {
  return ch >= '0' && ch <= '9';
}

function isSpace(ch: string): boolean {
  return /\s/.test(ch);
}

/** The word that ends right before position `i` (the full stop), without leading punctuation. */
function wordBefore(text: string, i: number): string {
  let s = i;
  while (s > 0 && !isSpace(text[s - 1])) s--;
  let word = text.slice(s, i);
  while (word.length > 0 && OPENERS.includes(word[0])) word = word.slice(1);
  return word;
}

function wordAfter(text: string, k: number): string {
  const match = /^[\p{L}\p{N}'’-]+/u.exec(text.slice(k));
  return match === null ? '' : match[0];
}

/** Decides whether the full stop at `i` (followed by whitespace and then `text[k]`) ends a sentence. */
function fullStopEndsSentence(text: string, i: number, k: number): boolean {
  const before = wordBefore(text, i);
  const lower = before.toLowerCase();
  const next = wordAfter(text, k);
  const nextIsOpener = SENTENCE_OPENERS.has(next.toLowerCase());
  if (/^\p{Lu}$/u.test(before)) return false; // an initial: "J. Smith"
  if (/^(?:\p{L}\.)+\p{L}$/u.test(before)) {
    // Dotted acronym such as U.S (the final dot is at i), e.g, i.e, a.m.
    if (lower === 'e.g' || lower === 'i.e') return false;
    return nextIsOpener;
  }
  if (NEVER_FINAL.has(lower)) return false;
  if (BEFORE_NUMBERS.has(lower)) return !isDigit(text[k]) && nextIsOpener;
  if (SOMETIMES_FINAL.has(lower)) return nextIsOpener;
  return true;
}

function splitParagraph(text: string, from: number, to: number, out: SentenceSpan[]): void {
  let start = from;
  const push = (end: number) => {
    let s = start;
    let e = end;
    while (s < e && isSpace(text[s])) s++;
    while (e > s && isSpace(text[e - 1])) e--;
    if (e > s) out.push({ text: text.slice(s, e), start: s, end: e });
  };
  let i = from;
  while (i < to) {
    const ch = text[i];
    if (!TERMINATORS.includes(ch)) {
      i++;
      continue;
    }
    let j = i;
    while (j < to && TERMINATORS.includes(text[j])) j++;
    const singleFullStop = j - i === 1 && ch === '.';
    while (j < to && CLOSERS.includes(text[j])) j++;
    if (j >= to) break;
    if (!isSpace(text[j])) {
      i = j;
      continue;
    }
    let k = j;
    while (k < to && isSpace(text[k])) k++;
    if (k >= to) break;
    const next = text[k];
    const startsSentence = isUpper(next) || isDigit(next) || OPENERS.includes(next);
    const ends =
      startsSentence && !isLower(next) && (!singleFullStop || fullStopEndsSentence(text, i, k));
    if (ends) {
      push(j);
      start = k;
    }
    i = k;
  }
  push(to);
}

/** Splits text into sentences with their offsets. See the module comment for the rules. */
export function splitSentences(text: string): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  const paragraphBreak = /\n[ \t\r\f\v]*\n/g;
  let from = 0;
  for (const match of text.matchAll(paragraphBreak)) {
    const index = match.index ?? 0;
    splitParagraph(text, from, index, out);
    from = index + match[0].length;
  }
  splitParagraph(text, from, text.length, out);
  return out;
}
