/**
 * Candidate-claim extraction for intake (product spec, "What users do" 1): split pasted article
 * text into sentences and propose those that carry an attribution or a figure. Heuristic by
 * design; an editor accepts or discards every candidate.
 *
 * Attribution, precisely:
 * - "X <verb>" where <verb> is a verb of saying or stance (says, said, reported, announced,
 *   claims, stated, confirmed, denied, rejected, refused, told, estimated, warned, insisted,
 *   alleged, accused, acknowledged, admitted, declared, wrote…), optionally after an auxiliary
 *   and an adverb ("has said", "have refused", "also reported"). "The United States and the
 *   European Union have refused to recognize…" is a stance statement by the US and the EU.
 * - X is the noun phrase right before the verb, back to a clause boundary (start of sentence,
 *   punctuation, or a word such as "that", "since", "which", "when"). It must be at most ten
 *   words, contain no verb of being/having, and contain no preposition other than "of" unless
 *   the preposition sits inside a name ("Committee to Protect Journalists"). This rules out
 *   "locations announced on social media" and "credible reports of torture" (nouns, not verbs:
 *   "reports"/"claims" followed by "of" or preceded by an adjective or determiner are nouns).
 * - Post-posed attribution: `"…," said the ministry.`
 * - "according to X": X runs to the next comma or the end; "according to figures from X" → X.
 * - A pronoun subject ("she said") is an attribution without a claimant.
 *
 * The claimant is cleaned for display: a leading "the" before a lowercase word is dropped along
 * with lowercase modifiers before the first capitalised word ("The independent BelaPAN news
 * agency" → "BelaPAN news agency"); a leading "the" before a capitalised name is kept
 * ("The United Nations"); the first letter is capitalised. `claimantPhrase` keeps the words as
 * written.
 */
import { type ExtractedFigure, extractFigures } from './figure-extraction';
import { splitSentences } from './sentence-splitter';

export const CANDIDATE_REASONS = ['ATTRIBUTION', 'FIGURE'] as const;
export type CandidateReason = (typeof CANDIDATE_REASONS)[number];

export interface ClaimCandidate {
  /** The sentence, exactly as in the input. */
  readonly text: string;
  /** Offsets of the sentence in the input: `input.slice(start, end) === text`. */
  readonly start: number;
  readonly end: number;
  readonly reasons: readonly CandidateReason[];
  /** Cleaned guess at who makes the claim, or null. */
  readonly claimant: string | null;
  /** The claimant words as written in the sentence, or null. */
  readonly claimantPhrase: string | null;
  /** The attribution verb or phrase found ("says", "have refused", "according to"), or null. */
  readonly attribution: string | null;
  /** Figures in the sentence; offsets are relative to the whole input. */
  readonly figures: readonly ExtractedFigure[];
}

const SAYING_VERBS = [
  'says',
  'said',
  'say',
  'reports',
  'reported',
  'report',
  'announces',
  'announced',
  'announce',
  'claims',
  'claimed',
  'claim',
  'states',
  'stated',
  'confirms',
  'confirmed',
  'confirm',
  'denies',
  'denied',
  'deny',
  'rejects',
  'rejected',
  'reject',
  'refuses',
  'refused',
  'refuse',
  'tells',
  'told',
  'estimates',
  'estimated',
  'estimate',
  'warns',
  'warned',
  'warn',
  'insists',
  'insisted',
  'insist',
  'alleges',
  'alleged',
  'allege',
  'accuses',
  'accused',
  'accuse',
  'acknowledges',
  'acknowledged',
  'admits',
  'admitted',
  'declares',
  'declared',
  'writes',
  'wrote',
  'tweeted',
  'maintains',
  'maintained',
  'asserts',
  'asserted',
];

/** Verb forms that are also nouns ("credible reports of torture"). */
const ALSO_NOUNS = new Set([
  'reports',
  'report',
  'claims',
  'claim',
  'states',
  'estimates',
  'estimate',
  'denies',
]);

const AUXILIARIES = new Set([
  'has',
  'have',
  'had',
  'will',
  'would',
  'did',
  'does',
  'do',
  'is',
  'was',
]);
const ADVERBS = new Set([
  'also',
  'previously',
  'earlier',
  'later',
  'repeatedly',
  'now',
  'again',
  'publicly',
  'officially',
  'recently',
  'reportedly',
  'already',
  'initially',
  'separately',
  'subsequently',
  'first',
  'last',
  'not',
  'never',
  'consistently',
]);
const CLAUSE_WORDS = new Set([
  'that',
  'which',
  'who',
  'whom',
  'whose',
  'since',
  'because',
  'after',
  'before',
  'when',
  'while',
  'although',
  'though',
  'if',
  'but',
  'as',
  'where',
  'so',
  'yet',
  'until',
  'unless',
  'once',
  'then',
  'whereas',
  'meanwhile',
  'however',
]);
const VERBS_OF_BEING = new Set([
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
  'will',
  'would',
  'can',
  'could',
  'should',
  'may',
  'might',
  'must',
  'do',
  'does',
  'did',
  ...SAYING_VERBS,
]);
const PREPOSITIONS = new Set([
  'at',
  'in',
  'on',
  'to',
  'for',
  'from',
  'with',
  'by',
  'into',
  'onto',
  'over',
  'under',
  'about',
  'across',
  'during',
  'against',
  'among',
  'through',
  'without',
  'within',
  'near',
  'like',
]);
const NOUN_MARKERS = new Set([
  'the',
  'a',
  'an',
  'these',
  'those',
  'such',
  'credible',
  'unconfirmed',
  'new',
  'many',
  'several',
  'some',
  'media',
  'news',
  'false',
  'similar',
  'conflicting',
  'initial',
  'its',
  'their',
  'his',
  'her',
  'our',
]);
const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you', 'one']);
const DETERMINERS = new Set(['the', 'a', 'an']);

interface Token {
  readonly word: string;
  readonly start: number;
  readonly end: number;
  /** True for punctuation that bounds a phrase. */
  readonly boundary: boolean;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’.&-]*|[,;:()"“”‘’—–[\]]/gu)) {
    const index = m.index ?? 0;
    let word = m[0];
    // A trailing full stop belongs to the word only in abbreviations like "U.S.".
    if (word.endsWith('.') && !/^(?:\p{L}\.)+$/u.test(word)) word = word.replace(/\.+$/, '');
    tokens.push({
      word,
      start: index,
      end: index + word.length,
      boundary: !/^[\p{L}\p{N}]/u.test(word),
    });
  }
  return tokens;
}

const isCapitalised = (word: string) => /^\p{Lu}/u.test(word);

interface Attribution {
  readonly phrase: string | null;
  readonly verb: string;
  readonly position: number;
}

/** The subject noun phrase ending right before token index `end` (exclusive), or null. */
function subjectBefore(tokens: readonly Token[], end: number): Token[] | null {
  let e = end;
  while (e > 0 && ADVERBS.has(tokens[e - 1].word.toLowerCase())) e--;
  while (e > 0 && AUXILIARIES.has(tokens[e - 1].word.toLowerCase())) e--;
  while (e > 0 && ADVERBS.has(tokens[e - 1].word.toLowerCase())) e--;
  let s = e;
  while (s > 0) {
    const t = tokens[s - 1];
    const lower = t.word.toLowerCase();
    // Clause words and verbs bound the phrase only in lowercase: "United States" is a name.
    if (
      t.boundary ||
      (t.word === lower && (CLAUSE_WORDS.has(lower) || VERBS_OF_BEING.has(lower)))
    ) {
      break;
    }
    s--;
  }
  let phrase = tokens.slice(s, e);
  // Drop a leading prepositional phrase: "On Monday the ministry" → "the ministry".
  while (phrase.length > 1 && PREPOSITIONS.has(phrase[0].word.toLowerCase())) {
    let k = 1;
    while (k < phrase.length && isCapitalised(phrase[k].word)) k++;
    phrase = phrase.slice(k);
  }
  if (phrase.length === 0 || phrase.length > 10) return null;
  for (let i = 0; i < phrase.length; i++) {
    const lower = phrase[i].word.toLowerCase();
    if (PREPOSITIONS.has(lower)) {
      const next = phrase[i + 1];
      if (next === undefined || !isCapitalised(next.word)) return null;
    }
  }
  return phrase;
}

function phraseText(sentence: string, phrase: readonly Token[]): string {
  return sentence.slice(phrase[0].start, phrase[phrase.length - 1].end);
}

/** Cleans a claimant phrase for display (see the module comment). */
export function cleanClaimant(phrase: string): string {
  let words = phrase.trim().split(/\s+/);
  if (words.length > 1 && DETERMINERS.has(words[0].toLowerCase()) && !isCapitalised(words[1])) {
    words = words.slice(1);
    const firstName = words.findIndex(isCapitalised);
    if (firstName > 0) words = words.slice(firstName);
  }
  const text = words.join(' ').replace(/[,;:.]+$/, '');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A headline-style sentence: no final punctuation and most words capitalised. */
function isTitleCase(sentence: string, tokens: readonly Token[]): boolean {
  if (/[.!?…]["'”’)]*$/.test(sentence.trim())) return false;
  const words = tokens.filter((t) => !t.boundary && /^\p{L}/u.test(t.word));
  const capitalised = words.filter((t) => isCapitalised(t.word)).length;
  return words.length >= 3 && capitalised / words.length >= 0.7;
}

function findAttribution(sentence: string): Attribution | null {
  const tokens = tokenize(sentence);
  const titleCase = isTitleCase(sentence, tokens);
  const found: Attribution[] = [];

  // "according to X"
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (tokens[i].word.toLowerCase() !== 'according' || tokens[i + 1].word.toLowerCase() !== 'to') {
      continue;
    }
    let e = i + 2;
    while (
      e < tokens.length &&
      !tokens[e].boundary &&
      !CLAUSE_WORDS.has(tokens[e].word.toLowerCase())
    ) {
      e++;
    }
    let phrase = tokens.slice(i + 2, e);
    // "according to figures from X" / "a statement by X" → X.
    const via = phrase.findIndex((t) => ['by', 'from'].includes(t.word.toLowerCase()));
    if (via >= 0 && via + 1 < phrase.length) phrase = phrase.slice(via + 1);
    if (phrase.length > 0 && phrase.length <= 12) {
      found.push({
        phrase: phraseText(sentence, phrase),
        verb: 'according to',
        position: tokens[i].start,
      });
    }
  }

  for (let i = 0; i < tokens.length; i++) {
    const lower = tokens[i].word.toLowerCase();
    // Verbs are written in lowercase mid-sentence; "States" in "United States" is a name.
    // Title-case headlines ("Opposition Says Vote Was Rigged") are the exception.
    if ((tokens[i].word !== lower && !titleCase) || !SAYING_VERBS.includes(lower)) continue;
    const next = tokens[i + 1]?.word.toLowerCase();
    const previous = tokens[i - 1]?.word.toLowerCase();
    if (ALSO_NOUNS.has(lower)) {
      if (next === 'of' || (previous !== undefined && NOUN_MARKERS.has(previous))) continue;
    }
    // Participles used as adjectives: "locations announced on social media".
    if (next === 'by') continue;
    // Auxiliaries before the verb are part of the attribution wording ("have refused").
    let v = i;
    while (
      v > 0 &&
      (AUXILIARIES.has(tokens[v - 1].word.toLowerCase()) ||
        ADVERBS.has(tokens[v - 1].word.toLowerCase()))
    ) {
      v--;
    }
    const verbText = tokens
      .slice(v, i + 1)
      .filter((t) => !ADVERBS.has(t.word.toLowerCase()))
      .map((t) => t.word)
      .join(' ');
    const prevToken = tokens[v - 1];
    if ((prevToken === undefined || prevToken.boundary) && (lower === 'said' || lower === 'says')) {
      // Post-posed: `"…," said the ministry.`
      if (prevToken !== undefined) {
        let e = i + 1;
        while (
          e < tokens.length &&
          !tokens[e].boundary &&
          !CLAUSE_WORDS.has(tokens[e].word.toLowerCase())
        ) {
          e++;
        }
        const phrase = tokens.slice(i + 1, e);
        if (phrase.length > 0 && phrase.length <= 10) {
          found.push({
            phrase: phraseText(sentence, phrase),
            verb: tokens[i].word,
            position: tokens[i].start,
          });
        }
      }
      continue;
    }
    const subject = subjectBefore(tokens, i);
    if (subject === null) continue;
    const text = phraseText(sentence, subject);
    const isPronoun = subject.length === 1 && PRONOUNS.has(text.toLowerCase());
    found.push({ phrase: isPronoun ? null : text, verb: verbText, position: subject[0].start });
  }

  if (found.length === 0) return null;
  // The earliest attribution wins; at the same start, the longer claimant (in a headline
  // "United States Says…", "States" would otherwise pass for a verb with subject "United").
  return found.reduce((a, b) =>
    b.position < a.position ||
    (b.position === a.position && (b.phrase?.length ?? 0) > (a.phrase?.length ?? 0))
      ? b
      : a,
  );
}

/**
 * Splits article text into sentences and returns those with an attribution or a figure, in
 * order, with the guessed claimant, the figures found and the character offsets.
 */
export function extractCandidateClaims(text: string): ClaimCandidate[] {
  const out: ClaimCandidate[] = [];
  for (const sentence of splitSentences(text)) {
    const attribution = findAttribution(sentence.text);
    const figures = extractFigures(sentence.text).map((f) => ({
      ...f,
      start: f.start + sentence.start,
      end: f.end + sentence.start,
    }));
    const reasons: CandidateReason[] = [];
    if (attribution !== null) reasons.push('ATTRIBUTION');
    if (figures.length > 0) reasons.push('FIGURE');
    if (reasons.length === 0) continue;
    const phrase = attribution?.phrase ?? null;
    out.push({
      text: sentence.text,
      start: sentence.start,
      end: sentence.end,
      reasons,
      claimant: phrase === null ? null : cleanClaimant(phrase),
      claimantPhrase: phrase,
      attribution: attribution?.verb ?? null,
      figures,
    });
  }
  return out;
}
