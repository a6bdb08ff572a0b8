/**
 * @mentions in comment text. A mention is `@` followed by a user's email address
 * (`@rita@example.org`) or by the part of it before the `@` (`@rita`) when exactly one user has
 * that local part. Anything else after an `@` (a social-media handle quoted in a comment, say) is
 * plain text, and is reported as unmatched so the author can see who will not be notified.
 */

export interface MentionableUser {
  id: string;
  email: string;
}

export interface MentionResolution {
  /** Users mentioned, in order of first mention, each once. */
  userIds: string[];
  /** Tokens (without the `@`) that name nobody, or more than one user, each once. */
  unmatched: string[];
  /** Tokens whose local part fits several users (use the full address). */
  ambiguous: string[];
}

// `@` not preceded by a word character, dot or another `@` (so a plain email address in the text
// is not a mention), then a local part and optionally `@domain.tld`.
const MENTION = /(?<![\w.@])@([A-Za-z0-9._%+-]+(?:@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)?)/g;

/** The raw mention tokens of a text, in order, without the `@`, trailing punctuation dropped. */
export function mentionTokens(text: string): string[] {
  const tokens: string[] = [];
  for (const match of text.matchAll(MENTION)) {
    const token = (match[1] ?? '').replace(/[._%+-]+$/, '');
    if (token) tokens.push(token);
  }
  return tokens;
}

/** Resolves the mentions of a text against the users who can be mentioned. */
export function resolveMentions(
  text: string,
  users: readonly MentionableUser[],
): MentionResolution {
  const byEmail = new Map<string, string>();
  const byLocal = new Map<string, string[]>();
  for (const user of users) {
    const email = user.email.toLowerCase();
    byEmail.set(email, user.id);
    const local = email.slice(0, email.indexOf('@'));
    byLocal.set(local, [...(byLocal.get(local) ?? []), user.id]);
  }
  const userIds: string[] = [];
  const unmatched: string[] = [];
  const ambiguous: string[] = [];
  const add = (list: string[], value: string) => {
    if (!list.includes(value)) list.push(value);
  };
  for (const token of mentionTokens(text)) {
    const key = token.toLowerCase();
    const exact = byEmail.get(key);
    if (exact) {
      add(userIds, exact);
      continue;
    }
    const locals = key.includes('@') ? [] : (byLocal.get(key) ?? []);
    if (locals.length === 1) add(userIds, locals[0] as string);
    else if (locals.length > 1) add(ambiguous, token);
    else add(unmatched, token);
  }
  return { userIds, unmatched, ambiguous };
}
