import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { Anchor, Button, Group, Kbd, Loader, Text } from '@mantine/core';
import { IconArrowLeft, IconArrowRight } from '@tabler/icons-react';
import { hasErrorCode, truncate, usePageShortcuts } from '@corroborate/web-ui';
import {
  claimPath,
  parseQueueFilters,
  type QueueContext,
  queueContextOf,
  queueViewPath,
  toClaimFilter,
} from './queue-filters';
import { queueNeighboursQuery } from './queue.graphql';

/** The claim last shown from each queue view (by its URL search), in this tab's session. */
const lastShown = new Map<string, string>();
const MAX_REMEMBERED_VIEWS = 50;

/** The claim last shown from the queue view `search`, so the view can select it on return. */
export function lastShownFrom(search: string): string | undefined {
  return lastShown.get(search);
}

/** The claim page's link back to the queue: the view it was opened from, if any. */
export function BackToQueue() {
  const [params] = useSearchParams();
  const context = queueContextOf(params);
  return (
    <Anchor component={Link} to={queueViewPath(context)} size="sm">
      <Group gap={4} component="span">
        <IconArrowLeft size={14} aria-hidden="true" />
        Queue
      </Group>
    </Anchor>
  );
}

/**
 * On a claim opened from a queue view: the claims before and after it in that view (same filters
 * and sort), with `p` and `n` to open them, so a reviewer works through a queue — and back to the
 * one just left — without going back to the list. Both are read (one request) when the page
 * opens; a claim that left the view meanwhile (just assessed, say) still leads to its neighbours
 * there.
 */
export function QueueNavigation() {
  const [params] = useSearchParams();
  const context = queueContextOf(params);
  if (context === null) return null;
  // One per place in the queue: what it found, and a pending key, belong to this claim only.
  return <QueueNeighbours key={`${context.search}\n${context.after}`} context={context} />;
}

type Direction = 'previous' | 'next';

/** How each neighbour's link reads: its key, label, look and arrow side. */
const NEIGHBOUR_LINKS = {
  previous: { key: 'p', label: 'Previous', variant: 'default', length: 32, side: 'left' },
  next: { key: 'n', label: 'Next in queue', variant: 'light', length: 48, side: 'right' },
} as const;

/** The link to the claim before or after this one in the view, with its key. */
function NeighbourLink({
  direction,
  neighbour,
}: {
  direction: Direction;
  neighbour: { path: string; text: string };
}) {
  const link = NEIGHBOUR_LINKS[direction];
  const arrow =
    link.side === 'left' ? (
      <IconArrowLeft size={14} aria-hidden="true" />
    ) : (
      <IconArrowRight size={14} aria-hidden="true" />
    );
  return (
    <Button
      component={Link}
      to={neighbour.path}
      variant={link.variant}
      size="compact-sm"
      leftSection={link.side === 'left' ? arrow : undefined}
      rightSection={link.side === 'right' ? arrow : undefined}
      title={neighbour.text}
      aria-keyshortcuts={link.key}
    >
      {link.label}: {truncate(neighbour.text, link.length)}
      <Kbd ml={8} size="xs" aria-hidden="true">
        {link.key}
      </Kbd>
    </Button>
  );
}

function QueueNeighbours({ context }: { context: QueueContext }) {
  const navigate = useNavigate();
  const { claimId } = useParams();
  // Back in the view (its link or the browser's Back), this claim is the one selected.
  useEffect(() => {
    if (claimId === undefined) return;
    lastShown.delete(context.search);
    lastShown.set(context.search, claimId);
    if (lastShown.size > MAX_REMEMBERED_VIEWS) lastShown.delete(lastShown.keys().next().value!);
  }, [context.search, claimId]);
  const filters = useMemo(() => parseQueueFilters(new URLSearchParams(context.search)), [context]);
  const { data, error, loading, refetch } = useQuery(queueNeighboursQuery, {
    variables: { filter: toClaimFilter(filters), sort: filters.sort, cursor: context.after },
    fetchPolicy: 'network-only',
  });
  const neighbour = (direction: Direction) => {
    const edge = data?.[direction].edges[0];
    if (edge === undefined) return null;
    const path = claimPath(edge.node.id, { search: context.search, after: edge.cursor });
    return { path, text: edge.node.text };
  };
  const previous = neighbour('previous');
  const next = neighbour('next');

  // A key pressed while the claims are still being found opens its claim once they are.
  const [wanted, setWanted] = useState<Direction | null>(null);
  const wantedPath = wanted === null ? undefined : { previous, next }[wanted]?.path;
  useEffect(() => {
    if (wantedPath !== undefined) void navigate(wantedPath);
  }, [wantedPath, navigate]);
  const go = (direction: Direction) => (event: KeyboardEvent) => {
    const target = direction === 'next' ? next : previous;
    if (target === null && !loading) return;
    event.preventDefault();
    if (target !== null) void navigate(target.path);
    else setWanted(direction);
  };
  usePageShortcuts({
    [NEIGHBOUR_LINKS.next.key]: go('next'),
    [NEIGHBOUR_LINKS.previous.key]: go('previous'),
  });

  let content: ReactNode;
  if (loading && data === undefined) {
    content = (
      <Group gap={6} component="span" role="status">
        <Loader size="xs" aria-hidden="true" />
        <Text size="sm" c="dimmed" component="span">
          Finding the next claim in this queue…
        </Text>
      </Group>
    );
  } else if (error !== undefined) {
    const stale = hasErrorCode(error, 'BAD_USER_INPUT');
    content = (
      <Group gap="xs" component="span">
        <Text size="sm" c="dimmed" role="status" component="span">
          {stale
            ? 'This link’s place in the queue is no longer valid; go back to the queue to pick the next claim.'
            : 'Could not find the next claim in this queue.'}
        </Text>
        {!stale && (
          <Button variant="subtle" size="compact-sm" onClick={() => void refetch()}>
            Try again
          </Button>
        )}
      </Group>
    );
  } else {
    content = (
      <Group gap="xs">
        {previous !== null && <NeighbourLink direction="previous" neighbour={previous} />}
        {next === null ? (
          <Text size="sm" c="dimmed" role="status">
            {previous === null
              ? 'No other claim in this queue view.'
              : 'Last claim in this queue view.'}
          </Text>
        ) : (
          <NeighbourLink direction="next" neighbour={next} />
        )}
      </Group>
    );
  }
  return <nav aria-label="Queue navigation">{content}</nav>;
}
