import type { ReactNode } from 'react';
import { Anchor, Text } from '@mantine/core';

/** True only for absolute http: and https: URLs; anything else (javascript:, data:, …) is refused. */
export function isHttpUrl(value: string | null | undefined): value is string {
  if (value === null || value === undefined) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * True only for a path on this site ("/api/exports/…"), the form the API gives its download
 * links in. A protocol-relative "//host" (or "/\host", which browsers read the same way), a
 * scheme, and control characters or whitespace (which browsers strip before reading a URL) are
 * refused.
 */
export function isSameOriginPath(value: string | null | undefined): value is string {
  if (value === null || value === undefined) return false;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0020\u007f\\]/.test(value)) return false;
  return value.startsWith('/') && !value.startsWith('//');
}

/**
 * The href of a download link the API gave: the path itself when it is a path on this site,
 * otherwise undefined (the link then goes nowhere). Every `href` fed by data goes through this or
 * through ExternalLink (an ESLint rule in eslint.config.mjs enforces it).
 */
export function sameOriginHref(value: string | null | undefined): string | undefined {
  return isSameOriginPath(value) ? value : undefined;
}

export interface ExternalLinkProps {
  href: string | null | undefined;
  children?: ReactNode;
}

/**
 * A link that opens in a new tab, rendered only for http(s) URLs; other
 * values are shown as plain text so a stored `javascript:` URL can never run.
 */
export function ExternalLink({ href, children }: ExternalLinkProps) {
  if (!isHttpUrl(href)) {
    return <Text span>{children ?? href ?? ''}</Text>;
  }
  return (
    // eslint-disable-next-line no-restricted-syntax -- href is checked by isHttpUrl just above
    <Anchor href={href} target="_blank" rel="noopener noreferrer nofollow">
      {children ?? href}
    </Anchor>
  );
}
