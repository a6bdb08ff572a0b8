import { prng } from './data';

/**
 * The realistic claim corpus (BENCH_CORPUS=realistic): texts in the style of news claims — who
 * did or said what, figures, dates, people and places — drawn from a synthesised vocabulary of
 * tens of thousands of words with a Zipf-like frequency (rank r drawn with weight 1 / r^1.05), as
 * words are in real text: a few very common, most rare. About one claim in five retells an
 * earlier claim with a few words or the figure changed (the same story reported again), so
 * near-duplicates exist as they do at a real intake desk. Everything is deterministic: the text
 * of claim i depends only on i (no word list is read or downloaded; words are built from
 * syllables by a seeded generator).
 *
 * The default (pessimistic) corpus of data.ts, 5,760 templates from a tiny vocabulary, stays the
 * worst case for any trigram index; this one is the case such an index is meant for.
 */

const ONSETS = [
  'b',
  'c',
  'd',
  'f',
  'g',
  'h',
  'j',
  'k',
  'l',
  'm',
  'n',
  'p',
  'r',
  's',
  't',
  'v',
  'w',
  'z',
  'br',
  'cr',
  'dr',
  'fr',
  'gr',
  'pr',
  'tr',
  'st',
  'sl',
  'sk',
  'sp',
  'ch',
  'sh',
  'th',
  'pl',
  'bl',
  'cl',
  'gl',
  'kr',
  'y',
  'qu',
  'sn',
  'sw',
  '',
  '',
];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'a', 'e', 'o', 'ai', 'ea', 'ou', 'io', 'ie', 'y'];
const CODAS = [
  '',
  '',
  '',
  '',
  'n',
  'r',
  's',
  'l',
  't',
  'm',
  'nd',
  'rt',
  'st',
  'ck',
  'ng',
  'x',
  'k',
  'd',
  'ls',
];
const NOUN_ENDINGS = [
  '',
  '',
  '',
  '',
  '',
  '',
  'tion',
  'ment',
  'ity',
  'er',
  'ance',
  'ism',
  'ure',
  'age',
  'ness',
];
const ADJ_ENDINGS = ['al', 'ic', 'ous', 'ive', 'ful', 'less', 'ary', 'ian', 'ed', 'ish', 'able'];
const PLACE_ENDINGS = [
  'grad',
  'ville',
  'burg',
  'sk',
  'ovo',
  'pol',
  'ton',
  'stan',
  'ia',
  'ford',
  'ino',
  'port',
];

/** Real English function and frequent news words (the head of any news vocabulary). */
const COMMON = [
  'the',
  'of',
  'and',
  'to',
  'in',
  'a',
  'for',
  'on',
  'that',
  'with',
  'by',
  'at',
  'from',
  'as',
  'was',
  'were',
  'is',
  'are',
  'have',
  'has',
  'had',
  'more',
  'than',
  'after',
  'before',
  'during',
  'over',
  'least',
  'not',
  'new',
  'last',
  'first',
  'government',
  'police',
  'people',
  'year',
  'state',
  'city',
  'president',
  'minister',
  'officials',
  'report',
  'week',
  'country',
  'according',
];
const ORG_HEADS = [
  'Ministry',
  'Council',
  'Committee',
  'Agency',
  'Union',
  'Party',
  'Court',
  'Bank',
  'Office',
  'Front',
  'Institute',
  'Commission',
  'Federation',
  'Movement',
  'Service',
  'Foundation',
];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const SAID = ['said', 'claimed', 'reported', 'announced', 'stated', 'wrote', 'told reporters'];

type Rand = () => number;

function capitalise(w: string): string {
  return w.charAt(0).toUpperCase() + w.slice(1);
}

/** `count` distinct synthesised words, in a fixed order (their frequency rank). */
function synthesise(seed: number, count: number, endings: readonly string[], taken: Set<string>) {
  const rand = prng(seed);
  const out: string[] = [];
  while (out.length < count) {
    const syllables = 1 + Math.floor(rand() * rand() * 3) + (rand() < 0.35 ? 1 : 0);
    let w = '';
    for (let s = 0; s < syllables; s++)
      w +=
        ONSETS[Math.floor(rand() * ONSETS.length)] +
        VOWELS[Math.floor(rand() * VOWELS.length)] +
        (s === syllables - 1 || rand() < 0.2 ? CODAS[Math.floor(rand() * CODAS.length)] : '');
    w += endings[Math.floor(rand() * endings.length)];
    if (w.length < 3 || w.length > 14 || taken.has(w)) continue;
    taken.add(w);
    out.push(w);
  }
  return out;
}

/** Draws from a list by Zipf rank: item r (0-based) with weight 1 / (r + 1)^1.05. */
function zipf(words: readonly string[]): (rand: Rand) => string {
  const cumulative = new Float64Array(words.length);
  let sum = 0;
  for (let r = 0; r < words.length; r++) cumulative[r] = sum += 1 / Math.pow(r + 1, 1.05);
  return (rand) => {
    const x = rand() * sum;
    let lo = 0;
    let hi = words.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return words[lo];
  };
}

interface Vocabulary {
  noun: (r: Rand) => string;
  verb: (r: Rand) => string;
  adjective: (r: Rand) => string;
  place: (r: Rand) => string;
  given: (r: Rand) => string;
  family: (r: Rand) => string;
  common: (r: Rand) => string;
  size: number;
}

let vocabulary: Vocabulary | null = null;

/** The vocabulary (built once per process, ~45,000 words). */
function words(): Vocabulary {
  if (vocabulary) return vocabulary;
  const taken = new Set<string>(COMMON);
  const nouns = synthesise(11, 24_000, NOUN_ENDINGS, taken);
  const verbs = synthesise(12, 4_000, ['ed'], taken);
  const adjectives = synthesise(13, 6_000, ADJ_ENDINGS, taken);
  const places = synthesise(14, 6_000, PLACE_ENDINGS, taken).map(capitalise);
  const given = synthesise(15, 2_000, ['', 'a', 'o', 'an', 'ia', 'el'], taken).map(capitalise);
  const family = synthesise(
    16,
    8_000,
    ['', 'ov', 'enko', 'ski', 'son', 'ez', 'ic', 'ani'],
    taken,
  ).map(capitalise);
  vocabulary = {
    noun: zipf(nouns),
    verb: zipf(verbs),
    adjective: zipf(adjectives),
    place: zipf(places),
    given: zipf(given),
    family: zipf(family),
    common: zipf(COMMON),
    size:
      COMMON.length +
      nouns.length +
      verbs.length +
      adjectives.length +
      places.length +
      given.length +
      family.length,
  };
  return vocabulary;
}

/** Number of distinct words the realistic corpus draws from. */
export function realisticVocabularySize(): number {
  return words().size;
}

function pick<T>(rand: Rand, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)];
}

function figure(rand: Rand): string {
  const magnitude = Math.floor(rand() * 5);
  return (1 + Math.floor(rand() * Math.pow(10, magnitude + 1))).toLocaleString('en-US');
}

/** A claim text built from its own generator: one of several news-claim shapes. */
function freshText(rand: Rand): string {
  const v = words();
  const person = () => `${v.given(rand)} ${v.family(rand)}`;
  const org = () =>
    rand() < 0.5
      ? `the ${capitalise(v.adjective(rand))} ${pick(rand, ORG_HEADS)}`
      : `the ${pick(rand, ORG_HEADS)} of ${capitalise(v.noun(rand))}`;
  const date = () =>
    `${1 + Math.floor(rand() * 28)} ${pick(rand, MONTHS)} ${2015 + Math.floor(rand() * 12)}`;
  const np = () => `${rand() < 0.5 ? `${v.adjective(rand)} ` : ''}${v.noun(rand)}s`;
  switch (Math.floor(rand() * 8)) {
    case 0:
      return `${capitalise(org())} ${v.verb(rand)} ${figure(rand)} ${np()} in ${v.place(rand)} on ${date()}, according to ${person()}.`;
    case 1:
      return `${person()}, the ${v.adjective(rand)} ${v.noun(rand)} of ${v.place(rand)}, ${pick(rand, SAID)} that ${figure(rand)} ${np()} were ${v.verb(rand)} during the ${v.noun(rand)} ${v.common(rand)} ${pick(rand, MONTHS)}.`;
    case 2:
      return `${capitalise(v.adjective(rand))} ${v.noun(rand)}s in ${v.place(rand)} ${v.verb(rand)} ${Math.floor(rand() * 90) + 2} percent more ${v.noun(rand)} than in ${2000 + Math.floor(rand() * 26)}.`;
    case 3:
      return `A video shared by ${person()} shows ${np()} ${v.verb(rand)} near the ${v.noun(rand)} in ${v.place(rand)} ${v.common(rand)} ${v.common(rand)} ${v.noun(rand)}.`;
    case 4:
      return `${capitalise(org())} has ${v.verb(rand)} the ${v.adjective(rand)} ${v.noun(rand)} of ${person()} in ${v.place(rand)} after ${figure(rand)} ${np()} ${v.common(rand)} ${v.noun(rand)}.`;
    case 5:
      return `In ${v.place(rand)}, ${figure(rand)} ${np()} were ${v.verb(rand)} by ${org()} on ${date()}, ${person()} ${pick(rand, SAID)}.`;
    case 6:
      return `${person()} ${pick(rand, SAID)} the ${v.noun(rand)} ${v.common(rand)} ${v.place(rand)} ${v.verb(rand)} ${figure(rand)} ${v.noun(rand)}s and ${v.adjective(rand)} ${v.noun(rand)}s in ${2010 + Math.floor(rand() * 17)}.`;
    default:
      return `The ${v.adjective(rand)} ${v.noun(rand)} in ${v.place(rand)} ${v.verb(rand)} ${figure(rand)} ${v.noun(rand)}s, ${v.common(rand)} ${v.noun(rand)} by ${org()} ${v.common(rand)} ${date()}.`;
  }
}

/** Claim i's text before any retelling (its own generator, independent of other claims). */
function baseText(i: number): string {
  return freshText(prng(2_000_003 + i * 7));
}

/**
 * Claim i's text in the realistic corpus. About one claim in five (not the first 100) retells an
 * earlier claim's base text with one to three words replaced by other words of the vocabulary
 * and, half the time, its first figure changed.
 */
export function realisticClaimText(i: number): string {
  const rand = prng(3_000_017 + i * 13);
  if (i < 100 || rand() >= 0.2) return baseText(i);
  const words0 = baseText(Math.floor(rand() * i)).split(' ');
  const v = words();
  const changes = 1 + Math.floor(rand() * 3);
  for (let c = 0; c < changes; c++) {
    const at = Math.floor(rand() * words0.length);
    const tail = /[.,]$/.exec(words0[at])?.[0] ?? '';
    words0[at] = (rand() < 0.5 ? v.noun(rand) : v.adjective(rand)) + tail;
  }
  let text = words0.join(' ');
  if (rand() < 0.5) text = text.replace(/\d[\d,]*/, figure(rand));
  return text;
}
