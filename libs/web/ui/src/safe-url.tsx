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
    <Anchor href={href} target="_blank" rel="noopener noreferrer nofollow">
      {children ?? href}
    </Anchor>
  );
}
