import { type AnchorStatus } from './dto/evidence.enums';

export interface TextQuote {
  prefix: string | null;
  exact: string | null;
  suffix: string | null;
}

/** Unicode NFC, every run of whitespace collapsed to one space, trimmed. */
export function normaliseText(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/**
 * Whether a W3C text-quote selector matches `text`: `exact` occurs with `prefix` immediately
 * before it and `suffix` immediately after it (where given). Whitespace is normalised on both
 * sides, and a single space between the prefix or suffix and the exact text is tolerated.
 */
export function quoteFound(text: string, quote: TextQuote): boolean {
  const exact = normaliseText(quote.exact ?? '');
  if (!exact) return false;
  const prefix = normaliseText(quote.prefix ?? '');
  const suffix = normaliseText(quote.suffix ?? '');
  const haystack = normaliseText(text);
  for (let at = haystack.indexOf(exact); at >= 0; at = haystack.indexOf(exact, at + 1)) {
    const before = haystack.slice(0, at).trimEnd();
    const after = haystack.slice(at + exact.length).trimStart();
    if (prefix && !before.endsWith(prefix)) continue;
    if (suffix && !after.startsWith(suffix)) continue;
    return true;
  }
  return false;
}

/** The anchor status of an evidence item given its latest capture's text. */
export function anchorStatusOf(
  quote: TextQuote,
  latestCapture: { extractedText: string | null } | null,
): AnchorStatus {
  if (!quote.exact) return 'NO_ANCHOR';
  if (!latestCapture) return 'NO_CAPTURE';
  if (latestCapture.extractedText === null) return 'NO_TEXT';
  return quoteFound(latestCapture.extractedText, quote) ? 'FOUND' : 'NOT_FOUND';
}
