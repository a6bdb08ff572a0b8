import {
  memo,
  type RefObject,
  useDeferredValue,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
} from 'react';
import { Link } from 'react-router';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Box, Checkbox, Group, Loader, Text, Tooltip } from '@mantine/core';
import { IconAlarm } from '@tabler/icons-react';
import type { QueueClaimFieldsFragment } from '@corroborate/graphql';
import {
  ClaimStatusBadge,
  PlainBadge,
  PlainCheckbox,
  PriorityBadge,
  formatDate,
} from '@corroborate/web-ui';
import { claimPath, isOverdue } from './queue-filters';
import classes from './queue-list.module.css';

export const QUEUE_ROW_HEIGHT = 76;
/** Columns with topics as their own column, where the list is wide enough for all of them. */
const WIDE_COLUMNS = 'minmax(260px, 1fr) 176px 80px 200px 112px 64px';
/**
 * Columns of a narrower list (beside the filters on a 1366–1440px screen, say): topics move into
 * the line under the claim, so the claim keeps its room and the due date is never cut off.
 */
const NARROW_COLUMNS = 'minmax(220px, 1fr) 176px 80px 112px 64px';
/** The narrowest list (px) that shows the wide columns without scrolling sideways. */
const WIDE_FROM = 1010;
const HEADERS = ['Claim', 'Status', 'Priority', 'Topics', 'Due', 'Evidence'];
const CHECK_COLUMN = '28px ';
const MAX_TOPICS_SHOWN = 2;
/** Start fetching the next page this many rows before the end. */
const PREFETCH_ROWS = 20;
/** How many frames a row to focus (j/k) may take to mount. */
const FOCUS_WAIT_FRAMES = 30;

export interface QueueListProps {
  claims: readonly QueueClaimFieldsFragment[];
  totalCount: number;
  selectedIndex: number;
  onSelect: (index: number) => void;
  /** Set to an index to scroll it into view and focus its link; cleared via onFocused. */
  focusIndex: number | null;
  onFocused: () => void;
  hasNextPage: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
  onOpen: (claim: QueueClaimFieldsFragment) => void;
  /** The view's URL search and each claim's cursor in it: a claim's link opens it in this view. */
  queueSearch: string;
  cursors: ReadonlyMap<string, string>;
  /** When given, rows get a checkbox (for bulk assignment); ids of the checked claims. */
  checkedIds?: ReadonlySet<string>;
  onToggle?: (id: string) => void;
  onToggleAll?: (checked: boolean) => void;
}

/**
 * Whether the element is at least `px` wide, following its resizes. It changes state only when
 * the answer changes, so the list does not render again as its height changes while pages load.
 * Before the first measurement: true (what a full-width screen shows).
 */
function useWiderThan(ref: RefObject<HTMLElement | null>, px: number): boolean {
  const [wider, setWider] = useState(true);
  useLayoutEffect(() => {
    const element = ref.current;
    if (element === null) return;
    setWider(element.getBoundingClientRect().width >= px);
    const observer = new ResizeObserver(([entry]) => {
      if (entry !== undefined) setWider(entry.contentRect.width >= px);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, px]);
  return wider;
}

/**
 * The claims as an ARIA table whose rows are virtualised: only the rows in
 * view (plus a margin) are in the DOM, so tens of thousands scroll smoothly.
 * The next page is fetched as the end comes into view.
 */
export function QueueList({
  claims,
  totalCount,
  selectedIndex,
  onSelect,
  focusIndex,
  onFocused,
  hasNextPage,
  loadingMore,
  onLoadMore,
  onOpen,
  queueSearch,
  cursors,
  checkedIds,
  onToggle,
  onToggleAll,
}: QueueListProps) {
  const selectable = checkedIds !== undefined && onToggle !== undefined;
  const sizeRef = useRef<HTMLDivElement>(null);
  const wide = useWiderThan(sizeRef, WIDE_FROM);
  const columns = (selectable ? CHECK_COLUMN : '') + (wide ? WIDE_COLUMNS : NARROW_COLUMNS);
  const checkedCount = checkedIds?.size ?? 0;
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: claims.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => QUEUE_ROW_HEIGHT,
    overscan: 12,
  });
  const inView = virtualizer.getVirtualItems();
  const lastIndex = inView.length > 0 ? (inView[inView.length - 1]?.index ?? 0) : 0;
  // Rows coming into view mount in a deferred render, which React slices and interrupts, so a fast
  // scroll never holds a frame while rows mount (the scroll itself stays urgent).
  const items = useDeferredValue(inView);

  useEffect(() => {
    if (hasNextPage && !loadingMore && lastIndex >= claims.length - PREFETCH_ROWS) onLoadMore();
  }, [lastIndex, claims.length, hasNextPage, loadingMore, onLoadMore]);

  useEffect(() => {
    if (focusIndex === null) return;
    virtualizer.scrollToIndex(focusIndex, { align: 'auto' });
    // The row may mount a few frames later (rows render deferred): wait for it, a while at most.
    let frames = 0;
    const focus = () => {
      const link = scrollRef.current?.querySelector<HTMLAnchorElement>(
        `[data-row-index="${focusIndex}"] a`,
      );
      if ((link === null || link === undefined) && frames++ < FOCUS_WAIT_FRAMES) {
        frame = requestAnimationFrame(focus);
        return;
      }
      link?.focus({ preventScroll: true });
      onFocused();
    };
    let frame = requestAnimationFrame(focus);
    return () => cancelAnimationFrame(frame);
  }, [focusIndex, virtualizer, onFocused]);

  const now = Date.now();

  return (
    <Box
      ref={sizeRef}
      style={{
        border: '1px solid var(--mantine-color-gray-3)',
        borderRadius: 'var(--mantine-radius-md)',
        overflow: 'hidden',
      }}
    >
      <div
        ref={scrollRef}
        style={{
          height: 'max(420px, calc(100dvh - 250px))',
          overflow: 'auto',
          contain: 'strict',
        }}
      >
        <div
          role="table"
          aria-label="Claims"
          aria-rowcount={totalCount + 1}
          style={{ minWidth: 800 }}
        >
          <div
            role="rowgroup"
            style={{
              position: 'sticky',
              top: 0,
              zIndex: 1,
              background: 'var(--mantine-color-gray-0)',
              borderBottom: '1px solid var(--mantine-color-gray-3)',
            }}
          >
            <div
              role="row"
              aria-rowindex={1}
              style={{
                display: 'grid',
                gridTemplateColumns: columns,
                gap: 10,
                padding: '8px 12px',
              }}
            >
              {selectable && (
                <div role="columnheader">
                  <Checkbox
                    size="xs"
                    aria-label="Select all loaded claims"
                    checked={checkedCount > 0 && checkedCount >= claims.length}
                    indeterminate={checkedCount > 0 && checkedCount < claims.length}
                    onChange={(event) => onToggleAll?.(event.currentTarget.checked)}
                  />
                </div>
              )}
              {HEADERS.filter((name) => wide || name !== 'Topics').map((name) => (
                <Text key={name} role="columnheader" size="sm" fw={600}>
                  {name}
                </Text>
              ))}
            </div>
          </div>
          <div
            role="rowgroup"
            style={{ height: virtualizer.getTotalSize(), position: 'relative', width: '100%' }}
          >
            {items.map((item) => {
              const claim = claims[item.index];
              if (claim === undefined) return null;
              return (
                <QueueRow
                  key={claim.id}
                  claim={claim}
                  index={item.index}
                  start={item.start}
                  size={item.size}
                  columns={columns}
                  topicsColumn={wide}
                  selected={item.index === selectedIndex}
                  overdue={isOverdue(claim.dueAt, claim.status, now)}
                  checked={selectable ? checkedIds.has(claim.id) : undefined}
                  onSelect={onSelect}
                  onOpen={onOpen}
                  queueSearch={queueSearch}
                  cursor={cursors.get(claim.id)}
                  onToggle={onToggle}
                />
              );
            })}
          </div>
        </div>
      </div>
      {loadingMore && (
        <Group justify="center" p="xs" role="status">
          <Loader size="xs" aria-hidden="true" />
          <Text size="sm">Loading more claims…</Text>
        </Group>
      )}
    </Box>
  );
}

interface QueueRowProps {
  claim: QueueClaimFieldsFragment;
  index: number;
  start: number;
  size: number;
  columns: string;
  /** Topics in their own column; otherwise they follow the claimant under the claim. */
  topicsColumn: boolean;
  selected: boolean;
  overdue: boolean;
  /** Whether the row's checkbox is checked; undefined when rows have no checkbox. */
  checked: boolean | undefined;
  onSelect: (index: number) => void;
  onOpen: (claim: QueueClaimFieldsFragment) => void;
  queueSearch: string;
  /** The claim's cursor in the view (its link then opens it in this view). */
  cursor: string | undefined;
  onToggle?: (id: string) => void;
}

/**
 * One queue row. Memoised: while scrolling, only rows that come into view render; rows already in
 * view keep their rendering (their props do not change), which keeps frames short.
 */
const QueueRow = memo(function QueueRow({
  claim,
  index,
  start,
  size,
  columns,
  topicsColumn,
  selected,
  overdue,
  checked,
  onSelect,
  onOpen,
  queueSearch,
  cursor,
  onToggle,
}: QueueRowProps) {
  const extraTopics = claim.topics.length - MAX_TOPICS_SHOWN;
  return (
    <div
      role="row"
      className={classes.row}
      aria-rowindex={index + 2}
      aria-selected={selected}
      data-row-index={index}
      onClick={(event) => {
        onSelect(index);
        if (
          !(event.target instanceof Element) ||
          event.target.closest('a, input, label') === null
        ) {
          onOpen(claim);
        }
      }}
      style={{ height: size, transform: `translateY(${start}px)`, gridTemplateColumns: columns }}
    >
      {checked !== undefined && onToggle !== undefined && (
        <div role="cell" onClick={(event) => event.stopPropagation()}>
          <PlainCheckbox
            aria-label={`Select claim: ${claim.text.slice(0, 80)}`}
            checked={checked}
            onChange={() => onToggle(claim.id)}
          />
        </div>
      )}
      <div role="cell" className={classes.cell}>
        <Link
          to={claimPath(
            claim.id,
            cursor === undefined ? null : { search: queueSearch, after: cursor },
          )}
          className={`${classes.title} mantine-focus-auto`}
          onFocus={() => onSelect(index)}
          title={claim.text}
        >
          {claim.text}
        </Link>
        <div className={classes.meta}>
          {claim.claimant ?? 'Unknown claimant'} · {claim.project.name}
          {!topicsColumn && claim.topics.length > 0 && ` · ${claim.topics.join(', ')}`}
        </div>
      </div>
      <div role="cell">
        <ClaimStatusBadge status={claim.status} />
      </div>
      <div role="cell">
        <PriorityBadge priority={claim.priority} />
      </div>
      {topicsColumn && (
        <div role="cell" className={`${classes.cell} ${classes.inline}`}>
          {claim.topics.slice(0, MAX_TOPICS_SHOWN).map((topic) => (
            <PlainBadge key={topic} color="gray" size="sm" upper={false} maxWidth={120}>
              {topic}
            </PlainBadge>
          ))}
          {extraTopics > 0 && (
            <Tooltip label={claim.topics.slice(MAX_TOPICS_SHOWN).join(', ')}>
              <span className={`${classes.small} ${classes.dimmed}`}>+{extraTopics}</span>
            </Tooltip>
          )}
          {claim.topics.length === 0 && (
            <span className={`${classes.small} ${classes.dimmed}`}>—</span>
          )}
        </div>
      )}
      <div role="cell">
        {claim.dueAt === null ? (
          <span className={`${classes.text} ${classes.dimmed}`}>—</span>
        ) : (
          <span className={classes.inline}>
            {overdue && (
              <IconAlarm size={14} color="var(--mantine-color-red-9)" aria-hidden="true" />
            )}
            <span
              className={
                overdue
                  ? `${classes.text} ${classes.nowrap} ${classes.overdue}`
                  : `${classes.text} ${classes.nowrap}`
              }
            >
              <time dateTime={claim.dueAt} title={claim.dueAt}>
                {formatDate(claim.dueAt)}
              </time>
              {overdue && <span className="visually-hidden"> (overdue)</span>}
            </span>
          </span>
        )}
      </div>
      <div role="cell">
        <span className={classes.text} aria-label={`${claim.evidenceCount} evidence items`}>
          {claim.evidenceCount}
        </span>
      </div>
    </div>
  );
});
