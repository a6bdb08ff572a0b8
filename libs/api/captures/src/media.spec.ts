import { describe, expect, it } from 'vitest';
import { detectMediaType, extractText, htmlToText, UnsupportedMediaError } from './media';

const bytes = (...b: number[]) => Buffer.from(b);

describe('capture media types', () => {
  it('trusts magic numbers over the declared type', () => {
    expect(detectMediaType(Buffer.from('%PDF-1.7\n'), 'application/octet-stream')).toBe(
      'application/pdf',
    );
    expect(
      detectMediaType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0), 'text/plain'),
    ).toBe('image/png');
    expect(detectMediaType(bytes(0xff, 0xd8, 0xff, 0xe0), null)).toBe('image/jpeg');
    expect(detectMediaType(Buffer.from('GIF89a....'), null)).toBe('image/gif');
    expect(detectMediaType(Buffer.from('RIFF\x10\x00\x00\x00WEBPVP8 ', 'latin1'), null)).toBe(
      'image/webp',
    );
  });

  it('tells HTML from plain text', () => {
    expect(detectMediaType(Buffer.from('<!DOCTYPE html><html>'), 'text/plain')).toBe('text/html');
    expect(detectMediaType(Buffer.from('just words'), 'text/html; charset=utf-8')).toBe(
      'text/html',
    );
    expect(detectMediaType(Buffer.from('just words'), 'text/plain')).toBe('text/plain');
    expect(detectMediaType(Buffer.from('just words'), '')).toBe('text/plain');
    expect(detectMediaType(Buffer.from('<p>x</p>'), '', 'page.html')).toBe('text/html');
  });

  it('refuses binaries, disguised images and unsupported declared types', () => {
    expect(() =>
      detectMediaType(bytes(0x50, 0x4b, 0x03, 0x04, 0, 0, 1), 'application/zip'),
    ).toThrow(UnsupportedMediaError);
    expect(() => detectMediaType(Buffer.from('not a png'), 'image/png')).toThrow(/image\/png/);
    expect(() => detectMediaType(Buffer.from('{"a":1}'), 'application/json')).toThrow(
      /application\/json is not a supported type/,
    );
  });

  it('extracts the visible text of HTML without scripts or styles, entities decoded', () => {
    const html =
      '<html><head><title>T</title><style>p{}</style><script>alert(1)</script></head>' +
      '<body><p>Caf&eacute; &amp; 30&nbsp;000 &lt;detained&gt;</p><noscript>no</noscript></body></html>';
    const text = htmlToText(html);
    expect(text).toContain('Café & 30');
    expect(text).toContain('<detained>');
    expect(text).not.toMatch(/alert|p\{\}|no$/);
    expect(extractText(Buffer.from('plain\ntext'), 'text/plain', 'text/plain')).toBe('plain\ntext');
    expect(extractText(Buffer.from('%PDF-'), 'application/pdf', null)).toBeNull();
  });
});
