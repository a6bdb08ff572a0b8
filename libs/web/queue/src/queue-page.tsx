import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { Button, Grid, Group, Kbd, Loader, Stack, Text } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconListSearch, IconPlus, IconUsersGroup } from '@tabler/icons-react';
import type { QueueClaimFieldsFragment } from '@corroborate/graphql';
import {
  CLAIM_WRITE_ROLES,
  EmptyState,
  ErrorAlert,
  PageHeader,
  TableSkeleton,
  describeError,
  useHasRole,
  usePageShortcuts,
  useSearchParamsState,
} from '@corroborate/web-ui';
import { AssignSelectedModal } from './assign-selected-modal';
import { AutoAssignModal } from './auto-assign-modal';
import { CreateClaimModal } from './create-claim-modal';
import {
  QUEUE_PRESETS,
  claimPath,
  countActiveFilters,
  isPresetActive,
  parseQueueFilters,
  presetFilters,
  queueFiltersToParams,
  toClaimFilter,
  type QueueFilters,
} from './queue-filters';
import { lastShownFrom } from './queue-context';
import { QueueFiltersPanel, type FacetCounts } from './queue-filters-panel';
import { QueueList } from './queue-list';
import { queueProjectsQuery, queueReviewersQuery } from './queue.graphql';
import { useQueueClaims } from './use-queue-claims';

export { QUEUE_MORE_SIZE, QUEUE_PAGE_SIZE } from './use-queue-claims';
const REVIEWER_ROLES = ['REVIEWER'] as const;
const SEARCH_DEBOUNCE_MS = 300;
/** How far down a view the claim last opened from it is looked for on the way back. */
const RESTORE_MAX_ROWS = 2_000;

/**
 * The claim queue: every filter lives in the URL, so a view can be shared as
 * a link and comes back after a reload. j/k move the selection, Enter opens
 * it, / jumps to the search box.
 */
export function QueuePage() {
  const navigate = useNavigate();
  const [params, updateParams] = useSearchParamsState();
  const filters = useMemo(() => parseQueueFilters(params), [params]);
  const canCreate = useHasRole(CLAIM_WRITE_ROLES);
  const isReviewer = useHasRole(REVIEWER_ROLES);
  const [creating, setCreating] = useState(false);
  const [autoAssigning, setAutoAssigning] = useState(false);
  const [assigningSelected, setAssigningSelected] = useState(false);
  const [checked, setChecked] = useState<ReadonlySet<string>>(new Set());
  const checkedIds = useMemo(() => (checked.size > 0 ? [...checked] : null), [checked]);
  const [search, setSearch] = useState(filters.q);
  const searchRef = useRef<HTMLInputElement>(null);
  const [selectedIndex, setSelectedIndex] = useState(0);
  const [focusIndex, setFocusIndex] = useState<number | null>(null);

  const update = useCallback(
    (patch: Partial<QueueFilters>, replace = false) => {
      updateParams(
        (previous) => queueFiltersToParams({ ...parseQueueFilters(previous), ...patch }),
        { replace },
      );
      setSelectedIndex(0);
      setChecked(new Set());
    },
    [updateParams],
  );
  const updateSearch = useDebouncedCallback((q: string) => update({ q }, true), SEARCH_DEBOUNCE_MS);

  const onSearchChange = useCallback(
    (value: string) => {
      setSearch(value);
      updateSearch(value);
    },
    [updateSearch],
  );
  const sort = filters.sort;
  const clearFilters = useCallback(() => {
    updateSearch.cancel();
    setSearch('');
    updateParams(() => queueFiltersToParams({ ...parseQueueFilters(new URLSearchParams()), sort }));
    setSelectedIndex(0);
  }, [updateSearch, updateParams, sort]);

  const filter = useMemo(() => toClaimFilter(filters), [filters]);
  const {
    connection,
    claims,
    cursors,
    stale,
    loading,
    error,
    hasNextPage,
    loadingMore,
    loadMoreError,
    loadMore,
    retryLoadMore,
    refetch,
  } = useQueueClaims(filter, filters.sort);
  const projectsQuery = useQuery(queueProjectsQuery);
  const projectList = projectsQuery.data?.projects;
  const projects = useMemo(() => projectList ?? [], [projectList]);
  // Only editors and admins may list reviewers; for them the queue filters by assignee too.
  const reviewersQuery = useQuery(queueReviewersQuery, { skip: !canCreate });
  const reviewerList = reviewersQuery.data?.reviewers;
  const reviewers = useMemo(() => reviewerList ?? [], [reviewerList]);

  const facets = useMemo<FacetCounts | null>(() => {
    if (connection === undefined) return null;
    return {
      statuses: new Map(connection.facets.statuses.map((f) => [f.value, f.count])),
      priorities: new Map(connection.facets.priorities.map((f) => [f.value, f.count])),
      topics: connection.facets.topics,
    };
  }, [connection]);

  // A claim opened from here keeps this view (filters, sort) and its place in it, for the claim
  // page's way back and its "next in queue".
  const queueSearch = useMemo(() => queueFiltersToParams(filters).toString(), [filters]);
  const open = useCallback(
    (claim: QueueClaimFieldsFragment) => {
      const after = cursors.get(claim.id);
      void navigate(
        claimPath(claim.id, after === undefined ? null : { search: queueSearch, after }),
      );
    },
    [navigate, cursors, queueSearch],
  );
  const onFocused = useCallback(() => setFocusIndex(null), []);

  // Back from a claim of this view: that claim is selected and focused, to go on from there.
  // One further down than the first page (reached with `n`, or by scrolling) is looked for page
  // by page, up to RESTORE_MAX_ROWS; one that has left the view meanwhile ends the search there.
  const restoredFor = useRef<string | null>(null);
  const [restoring, setRestoring] = useState(false);
  useEffect(() => {
    if (stale || claims.length === 0 || restoredFor.current === queueSearch) return;
    const shown = lastShownFrom(queueSearch);
    const index = shown === undefined ? -1 : claims.findIndex((claim) => claim.id === shown);
    const more = hasNextPage || loadingMore || loadMoreError !== null;
    if (index < 0 && shown !== undefined && more && claims.length < RESTORE_MAX_ROWS) {
      if (loadMoreError !== null) {
        // Loading failed: the alert below offers to try again; the search goes on if it does.
        setRestoring(false);
        return;
      }
      setRestoring(true);
      if (!loadingMore) loadMore();
      return;
    }
    restoredFor.current = queueSearch;
    setRestoring(false);
    if (index < 0) return;
    setSelectedIndex(index);
    setFocusIndex(index);
  }, [claims, stale, queueSearch, hasNextPage, loadingMore, loadMoreError, loadMore]);

  const move = (delta: number) => {
    if (claims.length === 0) return;
    const next = Math.min(Math.max(selectedIndex + delta, 0), claims.length - 1);
    setSelectedIndex(next);
    setFocusIndex(next);
  };

  const toggle = useCallback((id: string) => {
    setChecked((previous) => {
      const next = new Set(previous);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }, []);
  const toggleAll = useCallback(
    (on: boolean) => setChecked(on ? new Set(claims.map((c) => c.id)) : new Set()),
    [claims],
  );

  usePageShortcuts({
    x: (event) => {
      if (!canCreate) return;
      const claim = claims[selectedIndex];
      if (claim === undefined) return;
      event.preventDefault();
      toggle(claim.id);
    },
    j: (event) => {
      event.preventDefault();
      move(1);
    },
    k: (event) => {
      event.preventDefault();
      move(-1);
    },
    '/': (event) => {
      event.preventDefault();
      searchRef.current?.focus();
      searchRef.current?.select();
    },
    Enter: (event) => {
      // Links and buttons handle Enter themselves.
      if (event.target instanceof Element && event.target.closest('a, button') !== null) return;
      const claim = claims[selectedIndex];
      if (claim === undefined) return;
      event.preventDefault();
      open(claim);
    },
  });

  const activeCount = countActiveFilters(filters);
  const openCreate = useCallback(() => setCreating(true), []);
  const openAutoAssign = useCallback(() => setAutoAssigning(true), []);
  const onPreset = useCallback(() => {
    updateSearch.cancel();
    setSearch('');
    setSelectedIndex(0);
  }, [updateSearch]);

  const totalCount = connection?.totalCount ?? 0;

  return (
    <>
      <QueueHeader canCreate={canCreate} onCreate={openCreate} onAutoAssign={openAutoAssign} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 4, lg: 3 }}>
          <MemoQueueFiltersPanel
            ref={searchRef}
            filters={filters}
            search={search}
            onSearchChange={onSearchChange}
            onChange={update}
            onClear={clearFilters}
            activeCount={activeCount}
            facets={facets}
            projects={projects}
            reviewers={reviewers}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8, lg: 9 }}>
          <Stack gap="sm">
            <QueuePresets filters={filters} isReviewer={isReviewer} onPreset={onPreset} />
            <Group justify="space-between" mih={28}>
              <Text size="sm" role="status" aria-live="polite">
                {connection === undefined
                  ? 'Loading claims…'
                  : totalCount === 0
                    ? 'No claims'
                    : `Showing ${claims.length.toLocaleString()} of ${totalCount.toLocaleString()} ${totalCount === 1 ? 'claim' : 'claims'}`}
              </Text>
              {loading && connection !== undefined && (
                <Group gap={6}>
                  <Loader size="xs" aria-hidden="true" />
                  <Text size="sm" c="dimmed">
                    Updating…
                  </Text>
                </Group>
              )}
              {restoring && !loading && (
                <Group gap={6} role="status">
                  <Loader size="xs" aria-hidden="true" />
                  <Text size="sm" c="dimmed">
                    Finding the claim you last opened…
                  </Text>
                </Group>
              )}
            </Group>
            {error !== undefined && (
              <ErrorAlert
                error={error}
                title="Could not load the queue"
                onRetry={refetch}
                retrying={loading}
              />
            )}
            {connection === undefined && error === undefined && (
              <TableSkeleton label="Loading claims…" rows={8} />
            )}
            {connection !== undefined && claims.length === 0 && !stale && (
              <EmptyState
                icon={<IconListSearch size={32} aria-hidden="true" />}
                title={activeCount > 0 ? 'No claims match these filters' : 'No claims yet'}
                description={
                  activeCount > 0
                    ? 'Loosen or clear the filters to see more claims.'
                    : canCreate
                      ? 'Take in the first claim to start checking it.'
                      : 'An editor has not taken in any claims yet.'
                }
                action={
                  activeCount > 0 ? (
                    <Button variant="default" onClick={clearFilters}>
                      Clear filters
                    </Button>
                  ) : canCreate ? (
                    <NewClaimButton onClick={openCreate} />
                  ) : undefined
                }
              />
            )}
            {canCreate && checked.size > 0 && (
              <Group
                gap="xs"
                role="region"
                aria-label="Selected claims"
                p="xs"
                bg="indigo.0"
                style={{ borderRadius: 'var(--mantine-radius-md)' }}
              >
                <Text size="sm" fw={600}>
                  {checked.size} selected
                </Text>
                <Button size="xs" onClick={() => setAssigningSelected(true)}>
                  Assign…
                </Button>
                <Button size="xs" variant="default" onClick={openAutoAssign}>
                  Auto-assign…
                </Button>
                <Button size="xs" variant="subtle" onClick={() => setChecked(new Set())}>
                  Clear selection
                </Button>
              </Group>
            )}
            {claims.length > 0 && (
              <div style={{ opacity: stale ? 0.6 : 1 }}>
                <QueueList
                  claims={claims}
                  totalCount={totalCount}
                  selectedIndex={selectedIndex}
                  onSelect={setSelectedIndex}
                  focusIndex={focusIndex}
                  onFocused={onFocused}
                  hasNextPage={hasNextPage && !stale}
                  loadingMore={loadingMore}
                  onLoadMore={loadMore}
                  onOpen={open}
                  queueSearch={queueSearch}
                  cursors={cursors}
                  checkedIds={canCreate ? checked : undefined}
                  onToggle={canCreate ? toggle : undefined}
                  onToggleAll={canCreate ? toggleAll : undefined}
                />
              </div>
            )}
            {loadMoreError !== null && (
              <ErrorAlert
                message={describeError(loadMoreError)}
                title="Could not load more claims"
                onRetry={retryLoadMore}
              />
            )}
            {hasNextPage && !loadingMore && loadMoreError === null && claims.length > 0 && (
              <Group justify="center">
                <Button variant="default" size="xs" onClick={loadMore}>
                  Load more claims
                </Button>
              </Group>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
      {canCreate && (
        <AutoAssignModal
          opened={autoAssigning}
          onClose={() => setAutoAssigning(false)}
          filter={filter}
          claimIds={checkedIds}
          onAssigned={() => {
            setChecked(new Set());
            refetch();
          }}
        />
      )}
      {canCreate && (
        <AssignSelectedModal
          opened={assigningSelected}
          onClose={() => setAssigningSelected(false)}
          claimIds={checkedIds ?? []}
          onAssigned={() => {
            setChecked(new Set());
            refetch();
          }}
        />
      )}
      {canCreate && (
        <CreateClaimModal
          opened={creating}
          onClose={() => setCreating(false)}
          defaultProjectId={filters.project}
          onCreated={open}
        />
      )}
    </>
  );
}

function NewClaimButton({ onClick }: { onClick: () => void }) {
  return (
    <Button leftSection={<IconPlus size={16} aria-hidden="true" />} onClick={onClick}>
      New claim
    </Button>
  );
}

/**
 * The page's heading and actions. Memoised, like the filter panel and the presets: loading more
 * claims while scrolling re-renders the queue page, and nothing here depends on the rows.
 */
const QueueHeader = memo(function QueueHeader({
  canCreate,
  onCreate,
  onAutoAssign,
}: {
  canCreate: boolean;
  onCreate: () => void;
  onAutoAssign: () => void;
}) {
  return (
    <PageHeader
      title="Queue"
      description={
        <>
          Claims to check. Filters are saved in the address, so you can share this view as a link.
          Keys: <Kbd>j</Kbd> <Kbd>k</Kbd> move, <Kbd>Enter</Kbd> opens, <Kbd>/</Kbd> searches
          {canCreate && (
            <>
              , <Kbd>x</Kbd> selects for assignment
            </>
          )}
          ; <Kbd>?</Kbd> lists every shortcut.
        </>
      }
      actions={
        canCreate ? (
          <>
            <Button
              variant="default"
              leftSection={<IconUsersGroup size={16} aria-hidden="true" />}
              onClick={onAutoAssign}
            >
              Auto-assign…
            </Button>
            <NewClaimButton onClick={onCreate} />
          </>
        ) : undefined
      }
    />
  );
});

const MemoQueueFiltersPanel = memo(QueueFiltersPanel);

const QueuePresets = memo(function QueuePresets({
  filters,
  isReviewer,
  onPreset,
}: {
  filters: QueueFilters;
  isReviewer: boolean;
  onPreset: () => void;
}) {
  return (
    <Group gap="xs" component="nav" aria-label="Queue presets" wrap="wrap">
      {QUEUE_PRESETS.filter((preset) => preset.key !== 'mine' || isReviewer).map((preset) => {
        const active = isPresetActive(preset, filters);
        const search = queueFiltersToParams(presetFilters(preset, filters)).toString();
        return (
          <Button
            key={preset.key}
            component={Link}
            to={`/queue?${search}`}
            size="xs"
            variant={active ? 'filled' : 'default'}
            aria-current={active ? 'true' : undefined}
            onClick={onPreset}
          >
            {preset.label}
          </Button>
        );
      })}
    </Group>
  );
});
