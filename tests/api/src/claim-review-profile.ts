import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import jsonld from 'jsonld';
import type {
  ClaimLeaf,
  ClaimReviewLeaf,
  CreativeWorkLeaf,
  Date as SchemaDate,
  OrganizationLeaf,
  PersonLeaf,
  RatingLeaf,
  URL,
} from 'schema-dts';

/**
 * A check of ClaimReview JSON-LD against Google's fact-check profile, on the EXPANDED document
 * (so it judges what the JSON-LD means, not how it is spelled), reading each ClaimReview into
 * schema-dts's ClaimReview, Rating, Claim and Organization types as it goes. The schema.org context is the
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

/**
 * The schema.org types the profile uses, as schema-dts declares them: the check reads each
 * expanded node into one of these, so the properties it knows and the values it gives them are
 * the ones schema.org (through schema-dts) defines — a misspelt property or a value of the wrong
 * kind in this file fails to compile.
 */
export type ProfileClaimReview = ClaimReviewLeaf;
export type ProfileRating = RatingLeaf;
export type ProfileClaim = ClaimLeaf;
export type ProfileOrganization = OrganizationLeaf;
type ProfilePerson = PersonLeaf;
type ProfileCreativeWork = CreativeWorkLeaf;

type Properties<T> = readonly Exclude<keyof T, `@${string}`>[];

/** Properties each type may carry in the profile (anything else is a typo or a foreign term). */
const ALLOWED: {
  ClaimReview: Properties<ProfileClaimReview>;
  Rating: Properties<ProfileRating>;
  Organization: Properties<ProfileOrganization>;
  Claim: Properties<ProfileClaim>;
  Person: Properties<ProfilePerson>;
  CreativeWork: Properties<ProfileCreativeWork>;
} = {
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
type ProfileType = keyof typeof ALLOWED;

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

function checkProperties(node: Node, type: ProfileType, where: string, problems: string[]): void {
  const allowed: readonly string[] = ALLOWED[type];
  for (const key of Object.keys(node)) {
    if (key.startsWith('@')) continue;
    const name = key.startsWith(S) ? key.slice(S.length) : key;
    if (!key.startsWith(S) || !allowed.includes(name))
      problems.push(`${where}: ${type} has an unexpected property ${key}`);
  }
}

function checkTyped(
  node: Node | null,
  type: ProfileType,
  where: string,
  problems: string[],
): node is Node {
  if (!node) return false;
  if (!typesOf(node).includes(S + type)) {
    problems.push(`${where}: expected a ${type}, found ${JSON.stringify(typesOf(node))}`);
    return false;
  }
  checkProperties(node, type, where, problems);
  return true;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A schema:Date literal as schema-dts's Date (YYYY-MM-DD), or undefined (a problem noted). */
function date(v: Node | null, where: string, problems: string[]): SchemaDate | undefined {
  if (!v) return undefined;
  const value = v['@value'];
  if (v['@type'] !== `${S}Date` || typeof value !== 'string' || !DATE.test(value)) {
    problems.push(`${where}: must be a schema:Date (YYYY-MM-DD), got ${JSON.stringify(v)}`);
    return undefined;
  }
  return value;
}

/** An IRI value as schema-dts's URL, when absolute http(s); otherwise a problem noted. */
function url(v: Node | null, where: string, problems: string[]): URL | undefined {
  if (!v) return undefined;
  const id = v['@id'];
  if (typeof id !== 'string' || !/^https?:\/\//.test(id)) {
    problems.push(`${where}: must be an absolute http(s) URL, got ${JSON.stringify(v)}`);
    return undefined;
  }
  return id;
}

/** A non-empty text literal, or undefined with a problem noted. */
function text(v: Node | null, where: string, problems: string[], what: string): string | undefined {
  const value = literal(v);
  if (typeof value !== 'string' || !value.trim()) {
    problems.push(`${where}: ${what}`);
    return undefined;
  }
  return value;
}

function number(v: Node | null): number | null {
  const value = literal(v);
  return typeof value === 'number' ? value : null;
}

function readRating(node: Node, where: string, problems: string[]): ProfileRating {
  const alternateName = text(
    one(node, 'alternateName', where, problems),
    where,
    problems,
    'alternateName must be a name',
  );
  const rating: ProfileRating = { '@type': 'Rating', alternateName };
  if (values(node, 'ratingValue').length === 0) {
    // A verdict off the scale (UNVERIFIABLE) carries only its name.
    for (const p of ['bestRating', 'worstRating'])
      if (values(node, p).length) problems.push(`${where}: ${p} without a ratingValue`);
    return rating;
  }
  const value = number(one(node, 'ratingValue', where, problems));
  const best = number(one(node, 'bestRating', where, problems));
  const worst = number(one(node, 'worstRating', where, problems));
  if (value === null || best === null || worst === null) {
    problems.push(`${where}: ratingValue, bestRating and worstRating must be numbers`);
    return rating;
  }
  if (!(worst < best) || value < worst || value > best)
    problems.push(
      `${where}: ratingValue ${value} must lie in worstRating ${worst} … bestRating ${best}`,
    );
  return { ...rating, ratingValue: value, bestRating: best, worstRating: worst };
}

function readOrganization(node: Node, where: string, problems: string[]): ProfileOrganization {
  return {
    '@type': 'Organization',
    name: text(one(node, 'name', where, problems), where, problems, 'name must be set'),
    url: values(node, 'url').flatMap((u) => url(u, `${where}.url`, problems) ?? []),
    logo: values(node, 'logo').flatMap((u) => url(u, `${where}.logo`, problems) ?? []),
  };
}

function readClaim(node: Node, where: string, problems: string[]): ProfileClaim {
  const author: ProfilePerson[] = [];
  for (const a of values(node, 'author'))
    if (checkTyped(a, 'Person', `${where}.author`, problems))
      author.push({
        '@type': 'Person',
        name: text(
          one(a, 'name', `${where}.author`, problems),
          `${where}.author`,
          problems,
          'name must be set',
        ),
      });
  const works = (p: 'appearance' | 'firstAppearance'): ProfileCreativeWork[] =>
    values(node, p).flatMap((w) =>
      checkTyped(w, 'CreativeWork', `${where}.${p}`, problems)
        ? [
            {
              '@type': 'CreativeWork' as const,
              url: url(one(w, 'url', `${where}.${p}`, problems), `${where}.${p}.url`, problems),
            },
          ]
        : [],
    );
  return {
    '@type': 'Claim',
    author,
    datePublished: values(node, 'datePublished').flatMap(
      (d) => date(d, `${where}.datePublished`, problems) ?? [],
    ),
    appearance: works('appearance'),
    firstAppearance: works('firstAppearance'),
  };
}

/**
 * One expanded ClaimReview node read as a schema-dts ClaimReview, every departure from the
 * profile noted in `problems` (none when it fits).
 */
function readClaimReview(node: Node, where: string, problems: string[]): ProfileClaimReview {
  checkTyped(node, 'ClaimReview', where, problems);
  const author = one(node, 'author', where, problems);
  const rating = one(node, 'reviewRating', where, problems);
  const claim = one(node, 'itemReviewed', where, problems);
  return {
    '@type': 'ClaimReview',
    claimReviewed: text(
      one(node, 'claimReviewed', where, problems),
      where,
      problems,
      "claimReviewed must be the claim's text",
    ),
    url: url(one(node, 'url', where, problems), `${where}.url`, problems),
    datePublished: date(
      one(node, 'datePublished', where, problems),
      `${where}.datePublished`,
      problems,
    ),
    author: checkTyped(author, 'Organization', `${where}.author`, problems)
      ? readOrganization(author, `${where}.author`, problems)
      : undefined,
    reviewRating: checkTyped(rating, 'Rating', `${where}.reviewRating`, problems)
      ? readRating(rating, `${where}.reviewRating`, problems)
      : undefined,
    itemReviewed: checkTyped(claim, 'Claim', `${where}.itemReviewed`, problems)
      ? readClaim(claim, `${where}.itemReviewed`, problems)
      : undefined,
    license: values(node, 'license').flatMap((l) => url(l, `${where}.license`, problems) ?? []),
  };
}

export interface ProfileResult {
  problems: string[];
  /** The expanded ClaimReview nodes, in document order. */
  reviews: Node[];
  /** The same ClaimReviews read as schema-dts types (what the profile checked). */
  claimReviews: ProfileClaimReview[];
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
  const claimReviews = reviews.map((r, i) => readClaimReview(r, `ClaimReview[${i}]`, problems));
  return { problems, reviews, claimReviews };
}

/** Reads a property's literal value from an expanded node, for comparisons in tests. */
export function expandedValue(node: Node, ...path: string[]): unknown {
  let current: Node | undefined = node;
  for (const p of path) current = current ? values(current, p)[0] : undefined;
  return current ? (current['@value'] ?? current['@id']) : undefined;
}
