import { ASCII_SYMBOL, ASCII_SYMBOLS } from './trigram-symbols';

/**
 * Text similarity for spotting duplicate claims at intake (product spec, "Intake": likely
 * duplicates are shown by normalised text similarity).
 *
 * trigramSimilarity reproduces PostgreSQL's pg_trgm `similarity()` (F.35 pg_trgm,
 * https://www.postgresql.org/docs/current/pgtrgm.html), so the browser, the API and a
 * `similarity(normalised_text, $1)` query in PostgreSQL agree:
 * - the string is lowercased and split into words at every non-alphanumeric character;
 * - each word is padded with two spaces in front and one behind ("word" → "  word ");
 * - its trigrams are all three-character windows; the trigram SET of the string is the union
 *   over words (duplicates count once);
 * - similarity = |shared trigrams| / |union of trigrams|, and 0 when both sets are empty.
 * Letters and digits are Unicode letters and numbers here; PostgreSQL decides by the database's
 * locale, which agrees for ASCII and for text already passed through normaliseClaimText.
 */

/** Splits like pg_trgm: lowercase, words are maximal runs of letters and digits. */
function pgWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

/** The pg_trgm trigram set of a string (same as PostgreSQL's `show_trgm`, for ASCII text). */
export function trigrams(text: string): Set<string> {
  const out = new Set<string>();
  for (const word of pgWords(text)) {
    const chars = [' ', ' ', ...word, ' ']; // by code point, so astral characters stay whole
    for (let i = 0; i + 3 <= chars.length; i++) out.add(chars.slice(i, i + 3).join(''));
  }
  return out;
}

/** pg_trgm `similarity(a, b)`: shared trigrams over all trigrams, in [0, 1]. */
export function trigramSimilarity(a: string, b: string): number {
  return trigramSetSimilarity(trigrams(a), trigrams(b));
}

/**
 * {@link trigramSimilarity} of two strings given by their {@link trigrams} sets, for scoring one
 * text against many without recomputing its set each time.
 */
export function trigramSetSimilarity(ta: ReadonlySet<string>, tb: ReadonlySet<string>): number {
  if (ta.size === 0 && tb.size === 0) return 0;
  let shared = 0;
  for (const t of ta) if (tb.has(t)) shared++;
  return shared / (ta.size + tb.size - shared);
}

/**
 * `trigramSimilarity(query, text)` for many texts against one query, without building each text's
 * trigram set when it cannot matter: the query's trigrams are indexed once; a text's shared
 * trigrams are counted from its windows; since similarity ≤ shared / |query trigrams|, a text
 * whose count cannot reach `atLeast` is dismissed at once, and only the others get their own
 * trigram set counted for the exact value. ASCII texts (such as most normalised claim texts) are
 * read character by character, each window a number (three symbols of 37) looked up in a table
 * of the query's ASCII trigrams, without allocating; any other text goes through the same words
 * and windows as `trigrams`.
 * The returned function gives the similarity when it is at least `atLeast` (default 0), else null.
 */
export function trigramScorer(query: string): (text: string, atLeast?: number) => number | null {
  const index = new Map<string, number>();
  // Window number (a·37² + b·37 + c over symbols) → 1 + the query trigram's slot, 0 if none.
  const asciiIndex = new Int32Array(ASCII_SYMBOLS * ASCII_SYMBOLS * ASCII_SYMBOLS);
  const symbolOf = (code: number): number =>
    code === 32 ? 0 : code < 128 ? ASCII_SYMBOL[code] : -1;
  for (const t of trigrams(query)) {
    if (t.length === 3) {
      const a = symbolOf(t.charCodeAt(0));
      const b = symbolOf(t.charCodeAt(1));
      const c = symbolOf(t.charCodeAt(2));
      // pg_trgm trigrams hold only word characters and the pad space; a non-ASCII one never
      // matches an ASCII window.
      if (a >= 0 && b >= 0 && c >= 0)
        asciiIndex[(a * ASCII_SYMBOLS + b) * ASCII_SYMBOLS + c] = index.size + 1;
    }
    index.set(t, index.size);
  }
  const size = index.size;
  const seen = new Uint32Array(size + 1);
  let stamp = 0;
  const mark = (k: number | undefined): number => {
    if (k === undefined || seen[k] === stamp) return 0;
    seen[k] = stamp;
    return 1;
  };
  /**
   * Shared trigrams of an ASCII text; -1 when the text is not ASCII; -2 as soon as the count can
   * no longer reach `need` (each character left adds at most one window, the last word's end one).
   */
  const sharedAscii = (text: string, need: number): number => {
    // Locals, not the closure's variables, in the loop.
    const table = asciiIndex;
    const marks = seen;
    const now = stamp;
    let shared = 0;
    // The two symbols before the current character (0 = pad space), as a·37 + b.
    let ab = 0;
    let inWord = false;
    const length = text.length;
    for (let i = 0; i < length; i++) {
      if (shared + (length - i) + 1 < need) return -2;
      const code = text.charCodeAt(i);
      if (code >= 128) return -1;
      const c = ASCII_SYMBOL[code];
      if (c !== 0) {
        const slot = table[ab * ASCII_SYMBOLS + c];
        if (slot !== 0 && marks[slot] !== now) {
          marks[slot] = now;
          shared++;
        }
        ab = inWord ? (ab % ASCII_SYMBOLS) * ASCII_SYMBOLS + c : c;
        inWord = true;
      } else if (inWord) {
        const slot = table[ab * ASCII_SYMBOLS];
        if (slot !== 0 && marks[slot] !== now) {
          marks[slot] = now;
          shared++;
        }
        ab = 0;
        inWord = false;
      }
    }
    if (inWord) {
      const slot = table[ab * ASCII_SYMBOLS];
      if (slot !== 0 && marks[slot] !== now) {
        marks[slot] = now;
        shared++;
      }
    }
    return shared;
  };
  const sharedAny = (text: string): number => {
    let shared = 0;
    for (const word of pgWords(text)) {
      const chars = [' ', ' ', ...word, ' '];
      for (let i = 0; i + 3 <= chars.length; i++) {
        const k = index.get(chars.slice(i, i + 3).join(''));
        shared += mark(k === undefined ? undefined : k + 1);
      }
    }
    return shared;
  };
  return (text, atLeast = 0) => {
    if (size === 0) return atLeast <= 0 ? 0 : null;
    stamp = stamp === 0xffffffff ? (seen.fill(0), 1) : stamp + 1;
    let shared = sharedAscii(text, atLeast * size);
    if (shared === -2) return null;
    if (shared < 0) {
      stamp = stamp === 0xffffffff ? (seen.fill(0), 1) : stamp + 1;
      shared = sharedAny(text);
    }
    if (shared / size < atLeast) return null;
    const own = trigrams(text).size;
    const similarity = shared / (size + own - shared);
    return similarity >= atLeast ? similarity : null;
  };
}

/**
 * English function words dropped by `normaliseClaimText(text, { dropStopWords: true })`.
 * Negations and quantity words (not, no, never, more, less, than, all, none…) are deliberately
 * NOT in the list: "the vote was rigged" and "the vote was not rigged" must stay different.
 */
export const CLAIM_STOP_WORDS: ReadonlySet<string> = new Set([
  'a',
  'an',
  'the',
  'and',
  'or',
  'of',
  'to',
  'in',
  'on',
  'at',
  'for',
  'by',
  'with',
  'from',
  'as',
  'that',
  'this',
  'these',
  'those',
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'being',
  'has',
  'have',
  'had',
  'it',
  'its',
  'their',
  'his',
  'her',
  'which',
  'who',
  'also',
]);

export interface NormaliseOptions {
  /** Drop {@link CLAIM_STOP_WORDS}. Default false. */
  readonly dropStopWords?: boolean;
}

/**
 * Normalises claim text for comparison and for storing alongside the claim:
 * 0. thousands separators inside numbers removed first (see 4);
 * 1. Unicode NFKC (full-width and compatibility forms fold: "ﬁ" → "fi", "３０" → "30");
 * 2. lowercase;
 * 3. diacritics removed (NFD, drop combining marks: "naïve café" → "naive cafe";
 *    letters without a decomposition, such as "ł" or "ø", are kept);
 * 4. thousands separators inside numbers (done first, step 0) removed ("30,000" and "30 000" with a no-break or
 *    thin space → "30000"; a plain space is ambiguous and is left alone), decimal
 *    points kept as a word break ("1.5" → "1 5", as pg_trgm would split it anyway);
 * 5. apostrophes removed inside words ("Lukashenka's" → "lukashenkas"), every other
 *    non-letter, non-digit character becomes a space;
 * 6. optionally, stop words dropped (off by default: the stored text stays readable and
 *    negations are never at risk);
 * 7. whitespace collapsed and trimmed.
 */
export function normaliseClaimText(text: string, options: NormaliseOptions = {}): string {
  // Thousands separators go first: NFKC would turn a no-break space into a plain one.
  let s = text.replace(/(\d)[,\u00a0\u2009\u202f](?=\d{3}(?!\d))/g, '$1');
  s = s.normalize('NFKC').toLowerCase();
  s = s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .normalize('NFC');
  s = s.replace(/(\p{L})['’](?=\p{L})/gu, '$1');
  s = s.replace(/[^\p{L}\p{N}]+/gu, ' ');
  let words = s.split(' ').filter((w) => w.length > 0);
  if (options.dropStopWords === true) words = words.filter((w) => !CLAIM_STOP_WORDS.has(w));
  return words.join(' ');
}

/** Trigram similarity of two claims after normalisation. */
export function claimSimilarity(a: string, b: string, options: NormaliseOptions = {}): number {
  return trigramSimilarity(normaliseClaimText(a, options), normaliseClaimText(b, options));
}

/**
 * Default similarity at or above which an existing claim is shown as a likely duplicate.
 * pg_trgm's own default threshold (0.3) is meant for fuzzy search and is too loose here.
 */
export const DEFAULT_DUPLICATE_THRESHOLD = 0.5;

export interface DuplicateMatch {
  readonly id: string;
  readonly text: string;
  readonly similarity: number;
}

/** Existing claims at least `threshold` similar to `text`, most similar first. */
export function findLikelyDuplicates(
  text: string,
  existing: readonly { readonly id: string; readonly text: string }[],
  threshold: number = DEFAULT_DUPLICATE_THRESHOLD,
  options: NormaliseOptions = {},
): DuplicateMatch[] {
  const target = trigrams(normaliseClaimText(text, options));
  return existing
    .map((claim) => {
      const other = trigrams(normaliseClaimText(claim.text, options));
      let shared = 0;
      for (const t of target) if (other.has(t)) shared++;
      const union = target.size + other.size - shared;
      return { id: claim.id, text: claim.text, similarity: union === 0 ? 0 : shared / union };
    })
    .filter((m) => m.similarity >= threshold && m.similarity > 0)
    .sort((a, b) => b.similarity - a.similarity || a.id.localeCompare(b.id));
}
