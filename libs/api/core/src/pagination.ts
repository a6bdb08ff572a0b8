import { Field, ObjectType } from '@nestjs/graphql';
import { BadInputError } from './errors';

@ObjectType('PageInfo')
export class PageInfoType {
  @Field({ description: 'Whether more items follow this page (paging forwards, with after).' })
  hasNextPage: boolean;

  @Field({
    description:
      'Whether more items come before this page. Known only when paging backwards (last / before, where a list offers them); false when paging forwards.',
  })
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true, description: 'The cursor of the first item of the page.' })
  startCursor: string | null;

  @Field(() => String, { nullable: true, description: 'The cursor of the last item of the page.' })
  endCursor: string | null;
}

/** The page info of a page read forwards: `more` when items follow it. */
export function forwardPageInfo(edges: readonly { cursor: string }[], more: boolean): PageInfoType {
  return {
    hasNextPage: more,
    hasPreviousPage: false,
    startCursor: edges[0]?.cursor ?? null,
    endCursor: edges.at(-1)?.cursor ?? null,
  };
}

export const MAX_PAGE_SIZE = 200;

/** Checks `first` (1–200), naming the argument on failure. */
export function assertPageSize(first: number, field = 'first'): number {
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw new BadInputError(field, `${field} must be a whole number from 1 to ${MAX_PAGE_SIZE}.`);
  }
  return first;
}

/** An opaque cursor: base64url of a JSON array of the sort key values, tagged with the sort. */
export function encodeCursor(tag: string, values: readonly (string | number | null)[]): string {
  return Buffer.from(JSON.stringify([tag, ...values]), 'utf8').toString('base64url');
}

/**
 * Decodes a cursor made by {@link encodeCursor} for the same `tag`, checking each value's type
 * (`'s'` string, `'n'` number, `'d'` ISO date, `'d?'` ISO date or null). Anything else is
 * BAD_USER_INPUT on `field`.
 */
export function decodeCursor(
  cursor: string,
  tag: string,
  shape: readonly ('s' | 'n' | 'd' | 'd?')[],
  field = 'after',
): (string | number | Date | null)[] {
  const fail = () =>
    new BadInputError(field, `${field} is not a cursor from this list (sort: ${tag}).`);
  let parsed: unknown;
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw fail();
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw fail();
  }
  if (!Array.isArray(parsed) || parsed.length !== shape.length + 1 || parsed[0] !== tag)
    throw fail();
  return shape.map((kind, i) => {
    const value: unknown = parsed[i + 1];
    if (kind === 's' && typeof value === 'string') return value;
    if (kind === 'n' && typeof value === 'number' && Number.isFinite(value)) return value;
    if ((kind === 'd' || kind === 'd?') && typeof value === 'string') {
      const date = new Date(value);
      if (!Number.isNaN(date.getTime())) return date;
    }
    if (kind === 'd?' && value === null) return null;
    throw fail();
  });
}
