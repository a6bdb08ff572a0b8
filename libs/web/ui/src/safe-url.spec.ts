import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { MantineProvider } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { ExternalLink, isHttpUrl, isSameOriginPath, sameOriginHref } from './safe-url';

/** Every way a stored URL could run script, read a local file or leave for another site. */
const HOSTILE = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  '\tjavascript:alert(1)',
  '\u0000javascript:alert(1)',
  '\u001fjavascript:alert(1)',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  'javascript://example.org/%0Aalert(1)',
  'data:text/html,<script>alert(1)</script>',
  'DATA:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  'blob:https://example.org/0c1d',
  'ftp://example.org/file',
  'mailto:someone@example.org',
];
const RELATIVE = ['/claims/1', 'claims/1', './x', '../x', '?q=1', '#top', '//evil.example/x', ''];
const HTTP = [
  'http://example.org',
  'https://example.org/a?b=c#d',
  'HTTPS://EXAMPLE.ORG/',
  '  https://example.org/',
];

function render(href: string | null | undefined, children?: string): string {
  return renderToStaticMarkup(
    createElement(MantineProvider, null, createElement(ExternalLink, { href }, children)),
  );
}

describe('isHttpUrl', () => {
  it.each(HOSTILE)('refuses %j', (url) => expect(isHttpUrl(url)).toBe(false));
  it.each(RELATIVE)('refuses the relative or protocol-relative %j', (url) =>
    expect(isHttpUrl(url)).toBe(false),
  );
  it('refuses nothing at all', () => {
    expect(isHttpUrl(null)).toBe(false);
    expect(isHttpUrl(undefined)).toBe(false);
  });
  it.each(HTTP)('accepts %j', (url) => expect(isHttpUrl(url)).toBe(true));
});

describe('ExternalLink', () => {
  it.each([...HOSTILE, ...RELATIVE])('shows %j as text, with no link', (url) => {
    const html = render(url, 'the source');
    expect(html).not.toMatch(/<a[\s>]/);
    expect(html).not.toContain('href=');
    expect(html).toContain('the source');
  });

  it('shows the URL itself as text when there is no label, escaped', () => {
    const html = render('javascript:alert("<b>")');
    expect(html).not.toContain('href=');
    expect(html).not.toContain('<b>');
    expect(html).toContain('javascript:alert(&quot;&lt;b&gt;&quot;)');
  });

  it('shows nothing for a missing URL', () => {
    expect(render(null)).not.toContain('href=');
    expect(render(undefined)).not.toContain('href=');
  });

  it.each(HTTP)('links %j in a new tab, without opener or referrer', (url) => {
    const html = render(url, 'the source');
    const link = /<a [^>]*>/.exec(html)?.[0] ?? '';
    expect(link).toContain(`href="${url}"`);
    expect(link).toContain('target="_blank"');
    expect(link).toContain('rel="noopener noreferrer nofollow"');
    expect(html).toContain('>the source</a>');
  });
});

describe('sameOriginHref', () => {
  it.each([
    '/api/exports/4f1c/file',
    '/api/releases/12/manifest.json',
    '/api/activity.csv?actions=user.signedIn%2Cuser.signInFailed&from=2026-01-01',
  ])('keeps the path %j the API gives', (path) => {
    expect(isSameOriginPath(path)).toBe(true);
    expect(sameOriginHref(path)).toBe(path);
  });

  it.each([
    ...HOSTILE,
    ...HTTP,
    '//evil.example/x',
    '/\\evil.example/x',
    '\\\\evil.example/x',
    ' /api/exports/1/file',
    '/\t/evil.example/x',
    '/\n/evil.example/x',
    'api/exports/1/file',
    '',
    null,
    undefined,
  ])('gives no href for %j', (value) => {
    expect(isSameOriginPath(value)).toBe(false);
    expect(sameOriginHref(value)).toBeUndefined();
  });
});
