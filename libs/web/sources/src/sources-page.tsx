import { useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useQuery } from '@apollo/client/react';
import {
  Anchor,
  Button,
  Grid,
  Group,
  Loader,
  MultiSelect,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconBuildingBank, IconPlus, IconSearch } from '@tabler/icons-react';
import type { SourceKind } from '@corroborate/graphql';
import {
  EmptyState,
  ErrorAlert,
  PageHeader,
  ReliabilityBadge,
  SOURCE_KIND_LABELS,
  SOURCE_KIND_OPTIONS,
  SOURCE_WRITE_ROLES,
  TableSkeleton,
  describeError,
  isSourceKindValue,
  useHasRole,
} from '@corroborate/web-ui';
import { SourceFormModal } from './source-modals';
import { sourcesQuery } from './sources.graphql';

export const SOURCES_PAGE_SIZE = 50;
const SEARCH_DEBOUNCE_MS = 300;

export function sourcePath(id: string): string {
  return `/sources/${encodeURIComponent(id)}`;
}

/** The source registry: search (`?q=`) and kind filter (`?kind=`) live in the URL. */
export function SourcesPage() {
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const kinds = useMemo(
    () => [...new Set(params.getAll('kind').filter(isSourceKindValue))],
    [params],
  );
  const [search, setSearch] = useState(q);
  const [creating, setCreating] = useState(false);
  const [loadingMore, setLoadingMore] = useState(false);
  const [loadMoreError, setLoadMoreError] = useState<unknown>(null);
  const canCreate = useHasRole(SOURCE_WRITE_ROLES);

  const setParam = (name: string, values: string[], replace = false) => {
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        next.delete(name);
        for (const value of values) if (value.trim() !== '') next.append(name, value);
        return next;
      },
      { replace },
    );
  };
  const updateSearch = useDebouncedCallback(
    (value: string) => setParam('q', [value.trim()], true),
    SEARCH_DEBOUNCE_MS,
  );

  const { data, previousData, error, loading, refetch, fetchMore } = useQuery(sourcesQuery, {
    variables: {
      search: q.trim() === '' ? null : q.trim(),
      kinds: kinds.length > 0 ? kinds : null,
      first: SOURCES_PAGE_SIZE,
    },
    notifyOnNetworkStatusChange: true,
  });
  const connection = (data ?? previousData)?.sources;
  const sources = connection?.edges.map((edge) => edge.node) ?? [];
  const filtered = q.trim() !== '' || kinds.length > 0;

  const loadMore = () => {
    const pageInfo = data?.sources.pageInfo;
    if (pageInfo === undefined || !pageInfo.hasNextPage) return;
    setLoadingMore(true);
    setLoadMoreError(null);
    fetchMore({ variables: { after: pageInfo.endCursor } })
      .catch((e: unknown) => setLoadMoreError(e))
      .finally(() => setLoadingMore(false));
  };

  const createButton = canCreate ? (
    <Button
      leftSection={<IconPlus size={16} aria-hidden="true" />}
      onClick={() => setCreating(true)}
    >
      New source
    </Button>
  ) : undefined;

  return (
    <>
      <PageHeader
        title="Sources"
        description="The registry of agencies, NGOs, ministries, outlets, people and accounts that evidence comes from, each graded A–F for reliability."
        actions={createButton}
      />
      <Stack gap="md">
        <Grid gap="md" align="flex-end">
          <Grid.Col span={{ base: 12, sm: 7 }}>
            <TextInput
              label="Search sources"
              type="search"
              placeholder="Name"
              leftSection={<IconSearch size={16} aria-hidden="true" />}
              value={search}
              onChange={(event) => {
                setSearch(event.currentTarget.value);
                updateSearch(event.currentTarget.value);
              }}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 5 }}>
            <MultiSelect
              label="Kind"
              placeholder={kinds.length === 0 ? 'Any kind' : undefined}
              data={SOURCE_KIND_OPTIONS}
              value={kinds}
              onChange={(value) => setParam('kind', value)}
              clearable
            />
          </Grid.Col>
        </Grid>
        <Group justify="space-between" mih={24}>
          <Text size="sm" role="status" aria-live="polite">
            {connection === undefined
              ? 'Loading sources…'
              : `Showing ${sources.length.toLocaleString()} of ${connection.totalCount.toLocaleString()} ${connection.totalCount === 1 ? 'source' : 'sources'}`}
          </Text>
          {loading && connection !== undefined && <Loader size="xs" aria-label="Updating" />}
        </Group>
        {error !== undefined && (
          <ErrorAlert
            error={error}
            title="Could not load sources"
            onRetry={() => void refetch()}
            retrying={loading}
          />
        )}
        {connection === undefined && error === undefined && (
          <TableSkeleton label="Loading sources…" />
        )}
        {connection !== undefined && sources.length === 0 && (
          <EmptyState
            icon={<IconBuildingBank size={32} aria-hidden="true" />}
            title={filtered ? 'No sources match' : 'No sources yet'}
            description={
              filtered
                ? 'Try another name or kind, or add the source if it is new.'
                : 'Sources are added here or while adding evidence to a claim.'
            }
            action={
              filtered ? (
                <Button
                  variant="default"
                  onClick={() => {
                    updateSearch.cancel();
                    setSearch('');
                    setParams(new URLSearchParams());
                  }}
                >
                  Clear search
                </Button>
              ) : (
                createButton
              )
            }
          />
        )}
        {sources.length > 0 && (
          <Table.ScrollContainer minWidth={640}>
            <Table striped highlightOnHover verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Name</Table.Th>
                  <Table.Th scope="col">Kind</Table.Th>
                  <Table.Th scope="col">Reliability</Table.Th>
                  <Table.Th scope="col" ta="right">
                    Evidence
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {sources.map((source) => (
                  <Table.Tr key={source.id}>
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>
                      <Anchor component={Link} to={sourcePath(source.id)} fw={500}>
                        {source.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{SOURCE_KIND_LABELS[source.kind as SourceKind]}</Table.Td>
                    <Table.Td>
                      <ReliabilityBadge reliability={source.reliability} />
                    </Table.Td>
                    <Table.Td ta="right">{source.evidenceCount}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {loadMoreError !== null && (
          <ErrorAlert title="Could not load more sources" message={describeError(loadMoreError)} />
        )}
        {data?.sources.pageInfo.hasNextPage === true && (
          <Group justify="center">
            <Button variant="default" onClick={loadMore} loading={loadingMore}>
              Load more sources
            </Button>
          </Group>
        )}
      </Stack>
      {canCreate && (
        <SourceFormModal
          opened={creating}
          onClose={() => setCreating(false)}
          onSaved={(source) => void navigate(sourcePath(source.id))}
        />
      )}
    </>
  );
}
