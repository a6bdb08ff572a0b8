import { parse as parseHtml } from 'node-html-parser';

/** Media types a capture may have (product spec, "Capture": HTML, PDF, images, plain text). */
export const CAPTURE_MEDIA_TYPES = [
  'text/html',
  'text/plain',
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
] as const;
export type CaptureMediaType = (typeof CAPTURE_MEDIA_TYPES)[number];

/** Bytes to look at before deciding what a file is. */
export const SNIFF_BYTES = 512;

const SUPPORTED_TEXT = 'HTML, PDF, PNG, JPEG, GIF, WebP or plain text';

/** Thrown when content is not one of {@link CAPTURE_MEDIA_TYPES}. */
export class UnsupportedMediaError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnsupportedMediaError';
  }
}

const MAGIC: { type: CaptureMediaType; test: (b: Buffer) => boolean }[] = [
  { type: 'application/pdf', test: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
  {
    type: 'image/png',
    test: (b) =>
      b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  },
  {
    type: 'image/jpeg',
    test: (b) => b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  },
  {
    type: 'image/gif',
    test: (b) => ['GIF87a', 'GIF89a'].includes(b.subarray(0, 6).toString('latin1')),
  },
  {
    type: 'image/webp',
    test: (b) =>
      b.subarray(0, 4).toString('latin1') === 'RIFF' &&
      b.subarray(8, 12).toString('latin1') === 'WEBP',
  },
];

/** `text/html; charset=UTF-8` → `text/html`. */
export function baseMediaType(contentType: string | null | undefined): string {
  return (contentType ?? '').split(';')[0].trim().toLowerCase();
}

export function charsetOf(contentType: string | null | undefined): string | null {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '');
  return match ? match[1].toLowerCase() : null;
}

/** Text has no NUL bytes and few control characters (tab, newline, form feed and CR are fine). */
function looksLikeText(head: Buffer): boolean {
  let control = 0;
  for (const byte of head) {
    if (byte === 0) return false;
    if (byte < 0x20 && ![0x09, 0x0a, 0x0c, 0x0d, 0x1b].includes(byte)) control++;
  }
  return control <= head.length / 100;
}

/** The WHATWG sniffing rule for HTML, simplified: the text starts with a typical tag. */
function looksLikeHtml(head: Buffer): boolean {
  const start = head
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart()
    .slice(0, 64)
    .toLowerCase();
  return /^<(!doctype html|html|head|body|script|iframe|h1|div|font|table|a|style|title|b|br|p|!--)[\s>]/.test(
    start,
  );
}

const GENERIC = new Set(['', 'application/octet-stream', 'binary/octet-stream']);
const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);

/**
 * Decides a capture's media type from its first bytes, the client's (or server's) declared
 * Content-Type and, for uploads, the file name. Magic numbers win over declarations; text is HTML
 * when declared so or when it starts like HTML, otherwise plain text. Anything else is refused.
 */
export function detectMediaType(
  head: Buffer,
  declared: string | null | undefined,
  fileName: string | null = null,
): CaptureMediaType {
  const claimed = baseMediaType(declared);
  const magic = MAGIC.find((m) => m.test(head));
  if (magic) return magic.type;
  if (claimed.startsWith('image/') || claimed === 'application/pdf') {
    throw new UnsupportedMediaError(
      `The content is declared ${claimed}, but its first bytes are not those of a ${claimed} file; a capture must be ${SUPPORTED_TEXT}.`,
    );
  }
  if (!looksLikeText(head)) {
    throw new UnsupportedMediaError(
      `${claimed && !GENERIC.has(claimed) ? `${claimed} is` : 'This content is'} not a supported type; a capture must be ${SUPPORTED_TEXT}.`,
    );
  }
  const htmlName = /\.x?html?$/i.test(fileName ?? '');
  if (HTML_TYPES.has(claimed) || htmlName || looksLikeHtml(head)) return 'text/html';
  if (claimed.startsWith('text/') || GENERIC.has(claimed)) return 'text/plain';
  throw new UnsupportedMediaError(
    `${claimed} is not a supported type; a capture must be ${SUPPORTED_TEXT}.`,
  );
}

function decode(bytes: Buffer, charset: string | null): string {
  try {
    return new TextDecoder(charset ?? 'utf-8').decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

/** Visible text of an HTML document: no tags, scripts, styles or templates; entities decoded. */
export function htmlToText(html: string): string {
  const root = parseHtml(html, {
    blockTextElements: { script: false, style: false, noscript: false, pre: true },
  });
  root.querySelectorAll('script, style, noscript, template').forEach((el) => el.remove());
  return root.structuredText.trim();
}

/** The text kept with a capture: HTML as text, plain text as is, nothing for PDF and images. */
export function extractText(
  bytes: Buffer,
  mediaType: CaptureMediaType,
  declared: string | null | undefined,
): string | null {
  if (mediaType === 'text/plain') return decode(bytes, charsetOf(declared));
  if (mediaType === 'text/html') {
    const html = decode(bytes, charsetOf(declared));
    return htmlToText(html);
  }
  return null;
}
