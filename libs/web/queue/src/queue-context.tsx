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
import { queueNextClaimQuery } from './queue.graphql';

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
 * On a claim opened from a queue view: the claim after it in that view (same filters and
 * sort), with `n` to open it, so a reviewer works through a queue without going back to the
 * list. The next claim is read when the page opens; a claim that left the view meanwhile (just
 * assessed, say) still leads to the one that followed it.
 */
export function NextInQueue() {
  const [params] = useSearchParams();
  const context = queueContextOf(params);
  if (context === null) return null;
  // One per place in the queue: what it found, and a pending `n`, belong to this claim only.
  return <NextInQueueLink key={`${context.search}\n${context.after}`} context={context} />;
}

function NextInQueueLink({ context }: { context: QueueContext }) {
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
  const { data, error, loading, refetch } = useQuery(queueNextClaimQuery, {
    variables: { filter: toClaimFilter(filters), sort: filters.sort, after: context.after },
    fetchPolicy: 'network-only',
  });
  const edge = data?.claims.edges[0];
  const next = edge
    ? claimPath(edge.node.id, { search: context.search, after: edge.cursor })
    : null;

  // `n` pressed while the next claim is still being found opens it once it is.
  const [wanted, setWanted] = useState(false);
  useEffect(() => {
    if (wanted && next !== null) void navigate(next);
  }, [wanted, next, navigate]);
  usePageShortcuts({
    n: (event) => {
      if (next === null && !loading) return;
      event.preventDefault();
      if (next !== null) void navigate(next);
      else setWanted(true);
    },
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
  } else if (next === null || edge === undefined) {
    content = (
      <Text size="sm" c="dimmed" role="status">
        Last claim in this queue view.
      </Text>
    );
  } else {
    content = (
      <Button
        component={Link}
        to={next}
        variant="light"
        size="compact-sm"
        rightSection={<IconArrowRight size={14} aria-hidden="true" />}
        title={edge.node.text}
        aria-keyshortcuts="n"
      >
        Next in queue: {truncate(edge.node.text, 48)}
        <Kbd ml={8} size="xs" aria-hidden="true">
          n
        </Kbd>
      </Button>
    );
  }
  return <nav aria-label="Queue navigation">{content}</nav>;
}
