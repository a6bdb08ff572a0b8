import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import jsonld from 'jsonld';

/**
 * A check of ClaimReview JSON-LD against Google's fact-check profile, on the EXPANDED document
 * (so it judges what the JSON-LD means, not how it is spelled). The schema.org context is the
 * copy shipped in ./fixtures (the terms the profile uses, in the form of schema.org's published
 * context); the document loader serves it and refuses every other URL, so no network is used.
 */
const CONTEXT = JSON.parse(
  readFileSync(join(__dirname, 'fixtures', 'schema-org-context.jsonld'), 'utf8'),
) as Record<string, unknown>;
const SCHEMA_CONTEXT_URLS = new Set([
  'https://schema.org',
  'https://schema.org/',
  'http://schema.org',
  'http://schema.org/',
  'https://schema.org/docs/jsonldcontext.jsonld',
]);

const localLoader = async (url: string) => {
  if (!SCHEMA_CONTEXT_URLS.has(url))
    throw new Error(`The profile check loads no remote documents (asked for ${url}).`);
  return { contextUrl: undefined, documentUrl: url, document: CONTEXT };
};

const S = 'http://schema.org/';
const TYPE = '@type';

type Node = Record<string, unknown>;
type Expanded = Node[];

/** Properties each type may carry in the profile (anything else is a typo or a foreign term). */
const ALLOWED: Record<string, string[]> = {
  ClaimReview: [
    'url',
    'claimReviewed',
    'datePublished',
    'author',
    'reviewRating',
    'itemReviewed',
    'reviewBody',
    'license',
    'keywords',
  ],
  Rating: ['ratingValue', 'bestRating', 'worstRating', 'alternateName'],
  Organization: ['name', 'url', 'logo'],
  Claim: ['author', 'datePublished', 'appearance', 'firstAppearance'],
  Person: ['name'],
  CreativeWork: ['url'],
};

function typesOf(node: Node): string[] {
  return (node[TYPE] as string[] | undefined) ?? [];
}

function values(node: Node, property: string): Node[] {
  return (node[S + property] as Node[] | undefined) ?? [];
}

function one(node: Node, property: string, where: string, problems: string[]): Node | null {
  const all = values(node, property);
  if (all.length !== 1) {
    problems.push(`${where}: ${property} must appear exactly once (found ${all.length})`);
    return null;
  }
  return all[0];
}

function literal(v: Node | null): unknown {
  return v ? v['@value'] : undefined;
}

function checkProperties(node: Node, type: string, where: string, problems: string[]): void {
  for (const key of Object.keys(node)) {
    if (key.startsWith('@')) continue;
    const name = key.startsWith(S) ? key.slice(S.length) : key;
    if (!key.startsWith(S) || !ALLOWED[type].includes(name))
      problems.push(`${where}: ${type} has an unexpected property ${key}`);
  }
}

function checkTyped(node: Node | null, type: string, where: string, problems: string[]): boolean {
  if (!node) return false;
  if (!typesOf(node).includes(S + type)) {
    problems.push(`${where}: expected a ${type}, found ${JSON.stringify(typesOf(node))}`);
    return false;
  }
  checkProperties(node, type, where, problems);
  return true;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function checkDate(v: Node | null, where: string, problems: string[]): void {
  if (!v) return;
  if (v['@type'] !== `${S}Date` || typeof v['@value'] !== 'string' || !DATE.test(v['@value']))
    problems.push(`${where}: must be a schema:Date (YYYY-MM-DD), got ${JSON.stringify(v)}`);
}

function checkUrl(v: Node | null, where: string, problems: string[]): void {
  if (!v) return;
  const id = v['@id'];
  if (typeof id !== 'string' || !/^https?:\/\//.test(id))
    problems.push(`${where}: must be an absolute http(s) URL, got ${JSON.stringify(v)}`);
}

function number(v: Node | null): number | null {
  const value = literal(v);
  return typeof value === 'number' ? value : null;
}

function checkRating(rating: Node, where: string, problems: string[]): void {
  const name = literal(one(rating, 'alternateName', where, problems));
  if (typeof name !== 'string' || !name) problems.push(`${where}: alternateName must be a name`);
  const hasValue = values(rating, 'ratingValue').length > 0;
  if (!hasValue) {
    // A verdict off the scale (UNVERIFIABLE) carries only its name.
    for (const p of ['bestRating', 'worstRating'])
      if (values(rating, p).length) problems.push(`${where}: ${p} without a ratingValue`);
    return;
  }
  const value = number(one(rating, 'ratingValue', where, problems));
  const best = number(one(rating, 'bestRating', where, problems));
  const worst = number(one(rating, 'worstRating', where, problems));
  if (value === null || best === null || worst === null) {
    problems.push(`${where}: ratingValue, bestRating and worstRating must be numbers`);
    return;
  }
  if (!(worst < best) || value < worst || value > best)
    problems.push(
      `${where}: ratingValue ${value} must lie in worstRating ${worst} … bestRating ${best}`,
    );
}

/** The problems of one expanded ClaimReview node ([] when it fits the profile). */
function checkClaimReview(review: Node, where: string, problems: string[]): void {
  checkTyped(review, 'ClaimReview', where, problems);
  const claimReviewed = literal(one(review, 'claimReviewed', where, problems));
  if (typeof claimReviewed !== 'string' || !claimReviewed.trim())
    problems.push(`${where}: claimReviewed must be the claim's text`);
  checkUrl(one(review, 'url', where, problems), `${where}.url`, problems);
  checkDate(one(review, 'datePublished', where, problems), `${where}.datePublished`, problems);
  const author = one(review, 'author', where, problems);
  if (checkTyped(author, 'Organization', `${where}.author`, problems) && author) {
    const name = literal(one(author, 'name', `${where}.author`, problems));
    if (typeof name !== 'string' || !name) problems.push(`${where}.author: name must be set`);
    for (const u of values(author, 'url')) checkUrl(u, `${where}.author.url`, problems);
    for (const u of values(author, 'logo')) checkUrl(u, `${where}.author.logo`, problems);
  }
  const rating = one(review, 'reviewRating', where, problems);
  if (checkTyped(rating, 'Rating', `${where}.reviewRating`, problems) && rating)
    checkRating(rating, `${where}.reviewRating`, problems);
  const claim = one(review, 'itemReviewed', where, problems);
  if (checkTyped(claim, 'Claim', `${where}.itemReviewed`, problems) && claim) {
    for (const a of values(claim, 'author'))
      if (checkTyped(a, 'Person', `${where}.itemReviewed.author`, problems)) {
        const name = literal(one(a, 'name', `${where}.itemReviewed.author`, problems));
        if (typeof name !== 'string' || !name)
          problems.push(`${where}.itemReviewed.author: name must be set`);
      }
    for (const d of values(claim, 'datePublished'))
      checkDate(d, `${where}.itemReviewed.datePublished`, problems);
    for (const p of ['appearance', 'firstAppearance'])
      for (const w of values(claim, p))
        if (checkTyped(w, 'CreativeWork', `${where}.itemReviewed.${p}`, problems))
          checkUrl(
            one(w, 'url', `${where}.itemReviewed.${p}`, problems),
            `${where}.itemReviewed.${p}.url`,
            problems,
          );
  }
  for (const l of values(review, 'license')) checkUrl(l, `${where}.license`, problems);
}

export interface ProfileResult {
  problems: string[];
  /** The expanded ClaimReview nodes, in document order. */
  reviews: Node[];
}

/** Expands a document (with the local context) and checks every ClaimReview in it. */
export async function checkClaimReviewProfile(document: unknown): Promise<ProfileResult> {
  const expanded = (await jsonld.expand(document as jsonld.JsonLdDocument, {
    documentLoader: localLoader as never,
  })) as Expanded;
  const reviews: Node[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const n = node as Node;
    if (typesOf(n).includes(`${S}ClaimReview`)) reviews.push(n);
    for (const [k, v] of Object.entries(n)) if (!k.startsWith('@') || k === '@list') walk(v);
  };
  walk(expanded);
  const problems: string[] = [];
  reviews.forEach((r, i) => checkClaimReview(r, `ClaimReview[${i}]`, problems));
  return { problems, reviews };
}

/** Reads a property's literal value from an expanded node, for comparisons in tests. */
export function expandedValue(node: Node, ...path: string[]): unknown {
  let current: Node | undefined = node;
  for (const p of path) current = current ? values(current, p)[0] : undefined;
  return current ? (current['@value'] ?? current['@id']) : undefined;
}
