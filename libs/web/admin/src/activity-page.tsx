import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@apollo/client/react';
import {
  Anchor,
  Button,
  Code,
  Group,
  Loader,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { IconDownload, IconFilterOff, IconHistory } from '@tabler/icons-react';
import type { ActivityFilter, ActivityQuery } from '@corroborate/graphql';
import {
  DateTimeText,
  EmptyState,
  ErrorAlert,
  PageHeader,
  TableSkeleton,
  dateInputToLocalIso,
  isDateInputValue,
  truncate,
  useSearchParamsState,
  sameOriginHref,
} from '@corroborate/web-ui';
import { activityQuery } from './activity.graphql';
import { usersQuery } from './users.graphql';
import { counted } from '@corroborate/domain';

const PAGE_SIZE = 50;

/** The kinds of events offered as a filter, each a set of audit actions. */
const EVENT_KINDS: readonly { value: string; label: string; actions: readonly string[] }[] = [
  {
    value: 'sign-ins',
    label: 'Sign-ins and sign-outs',
    actions: [
      'auth.signed_in',
      'auth.sign_in_failed',
      'auth.sign_in_blocked',
      'auth.signed_out',
      'auth.signed_out_everywhere',
    ],
  },
  {
    value: 'failed',
    label: 'Failed and blocked sign-ins',
    actions: ['auth.sign_in_failed', 'auth.sign_in_blocked'],
  },
  {
    value: 'tokens',
    label: 'API tokens',
    actions: ['auth.api_token_created', 'auth.api_token_revoked'],
  },
  {
    value: 'accounts',
    label: 'Accounts and roles',
    actions: [
      'user.created',
      'user.role_changed',
      'user.password_reset',
      'auth.password_changed',
      'user.deactivated',
      'user.reactivated',
    ],
  },
];

/** Kinds of record that events are about. */
const RECORD_KINDS = [
  'Claim',
  'Evidence',
  'Capture',
  'Assessment',
  'Comment',
  'Source',
  'Project',
  'User',
  'ApiToken',
  'SignIn',
  'Import',
  'Export',
  'Release',
  'Organisation',
] as const;

type Event = ActivityQuery['activity']['edges'][number]['node'];

/** The claim an event's record belongs to (evidence, reviews, comments), from its recorded claimId. */
function claimIdOf(event: Event): string | null {
  const change = event.changes.find((c) => c.field === 'claimId');
  const value: unknown = JSON.parse(change?.after ?? change?.before ?? 'null');
  return typeof value === 'string' ? value : null;
}

/** Where an event's record can be opened: its own page, or its claim's. */
function recordPath(event: Event): string | null {
  const id = encodeURIComponent(event.entityId);
  switch (event.entityType) {
    case 'Claim':
      return `/claims/${id}`;
    case 'Source':
      return `/sources/${id}`;
    case 'Project':
      return `/projects/${id}`;
    default: {
      const claimId = claimIdOf(event);
      return claimId === null ? null : `/claims/${encodeURIComponent(claimId)}`;
    }
  }
}

/**
 * The filters of the page, from its URL:
 * `?events=failed&person=<user id>&record=Claim&from=YYYY-MM-DD&to=YYYY-MM-DD` (whole local days).
 */
function filterOf(params: URLSearchParams): {
  events: string | null;
  person: string | null;
  record: string | null;
  from: string;
  to: string;
  filter: ActivityFilter;
} {
  const events = EVENT_KINDS.find((kind) => kind.value === params.get('events')) ?? null;
  const person = params.get('person') || null;
  const record = RECORD_KINDS.find((kind) => kind === params.get('record')) ?? null;
  const day = (name: string) => {
    const value = params.get(name) ?? '';
    return isDateInputValue(value) ? value : '';
  };
  const from = day('from');
  const to = day('to');
  const filter: ActivityFilter = {};
  if (events !== null) filter.actions = [...events.actions];
  if (person !== null) filter.actorId = person;
  if (record !== null) filter.entityType = record;
  const fromIso = dateInputToLocalIso(from, 'start');
  const toIso = dateInputToLocalIso(to, 'end');
  if (fromIso !== null) filter.from = fromIso;
  if (toIso !== null) filter.to = toIso;
  return { events: events?.value ?? null, person, record, from, to, filter };
}

/** The CSV download of what `filter` shows (`GET /api/activity.csv`). */
function downloadPath(filter: ActivityFilter): string {
  const params = new URLSearchParams();
  if (filter.actions) params.set('actions', filter.actions.join(','));
  if (filter.actorId) params.set('actorId', String(filter.actorId));
  if (filter.entityType) params.set('entityType', filter.entityType);
  if (filter.from) params.set('from', String(filter.from));
  if (filter.to) params.set('to', String(filter.to));
  const query = params.toString();
  return query === '' ? '/api/activity.csv' : `/api/activity.csv?${query}`;
}

/**
 * Administration: the organisation's activity log — every audit event, newest first (sign-ins
 * and failed sign-ins with the address they came from, API tokens, accounts, and every change to
 * claims, evidence, reviews and sources), filtered by kind of event, person and kind of record,
 * the filters kept in the address. Values are shown as text, never as markup.
 */
export function ActivityPage() {
  const [params, updateParams] = useSearchParamsState();
  const { events, person, record, from, to, filter } = filterOf(params);
  const people = useQuery(usersQuery);
  const [more, setMore] = useState<{ key: string; afters: string[] }>({ key: '', afters: [] });
  const key = params.toString();
  // Later pages belong to the filters they were loaded for.
  const afters = more.key === key ? more.afters : [];
  const loadAfter = (cursor: string) => setMore({ key, afters: [...afters, cursor] });

  const set = (name: 'events' | 'person' | 'record' | 'from' | 'to', value: string | null) =>
    updateParams((previous) => {
      const next = new URLSearchParams(previous);
      if (value === null || value === '') next.delete(name);
      else next.set(name, value);
      return next;
    });
  const filtered =
    events !== null || person !== null || record !== null || from !== '' || to !== '';

  return (
    <>
      <PageHeader
        title="Activity"
        description="Everything done in this organisation, newest first: sign-ins (and failed ones, with the address they came from), API tokens, accounts, and every change to claims, evidence, reviews and sources. Filters are saved in the address."
        actions={
          <Button
            component="a"
            href={sameOriginHref(downloadPath(filter))}
            download
            variant="default"
            leftSection={<IconDownload size={16} aria-hidden="true" />}
          >
            Download CSV
          </Button>
        }
      />
      <Group align="flex-end" gap="md" mb="md" wrap="wrap">
        <Select
          label="Events"
          placeholder="All events"
          data={EVENT_KINDS.map(({ value, label }) => ({ value, label }))}
          value={events}
          onChange={(value) => set('events', value)}
          clearable
          w={270}
        />
        <Select
          label="Person"
          placeholder="Anyone"
          data={(people.data?.users ?? []).map((user) => ({
            value: user.id,
            label: `${user.displayName} (${user.email})`,
          }))}
          value={person}
          onChange={(value) => set('person', value)}
          searchable
          clearable
          nothingFoundMessage="No such person"
          w={280}
        />
        <Select
          label="Record"
          placeholder="Any record"
          data={[...RECORD_KINDS]}
          value={record}
          onChange={(value) => set('record', value)}
          clearable
          w={200}
        />
        <TextInput
          label="From"
          type="date"
          value={from}
          onChange={(event) => set('from', event.currentTarget.value)}
          w={160}
        />
        <TextInput
          label="To"
          type="date"
          value={to}
          onChange={(event) => set('to', event.currentTarget.value)}
          w={160}
        />
        {filtered && (
          <Button
            variant="subtle"
            leftSection={<IconFilterOff size={16} aria-hidden="true" />}
            onClick={() => updateParams(() => new URLSearchParams())}
          >
            Clear filters
          </Button>
        )}
      </Group>
      <ActivityTable
        filter={filter}
        afters={afters}
        onLoadMore={loadAfter}
        filtered={filtered}
        onClear={() => updateParams(() => new URLSearchParams())}
      />
    </>
  );
}

function ActivityTable({
  filter,
  afters,
  onLoadMore,
  filtered,
  onClear,
}: {
  filter: ActivityFilter;
  afters: readonly string[];
  onLoadMore: (cursor: string) => void;
  filtered: boolean;
  onClear: () => void;
}) {
  const first = useQuery(activityQuery, {
    variables: { filter, first: PAGE_SIZE },
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  if (first.data === undefined) {
    if (first.error !== undefined)
      return (
        <ErrorAlert
          error={first.error}
          title="Could not load the activity log"
          onRetry={() => void first.refetch()}
          retrying={first.loading}
        />
      );
    return <TableSkeleton label="Loading activity…" />;
  }
  const page = first.data.activity;
  if (page.edges.length === 0)
    return (
      <EmptyState
        icon={<IconHistory size={32} aria-hidden="true" />}
        title={filtered ? 'No events match these filters' : 'Nothing has happened yet'}
        description={
          filtered
            ? 'Try another kind of event, person, record or range of days, or clear the filters.'
            : 'Sign-ins and changes appear here as they happen.'
        }
        action={
          filtered ? (
            <Button variant="default" onClick={onClear}>
              Clear filters
            </Button>
          ) : undefined
        }
      />
    );
  return (
    <Stack gap="sm">
      <Table.ScrollContainer minWidth={900}>
        <Table striped verticalSpacing="xs" aria-label="Activity">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>When</Table.Th>
              <Table.Th>Who</Table.Th>
              <Table.Th>Action</Table.Th>
              <Table.Th>Record</Table.Th>
              <Table.Th>Details</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            <ActivityRows events={page.edges.map((edge) => edge.node)} />
            {afters.map((after) => (
              <LaterRows key={after} filter={filter} after={after} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <LoadMore filter={filter} afters={afters} firstPage={page} onLoadMore={onLoadMore} />
    </Stack>
  );
}

/** A later page's rows (read from the cache once loaded). */
function LaterRows({ filter, after }: { filter: ActivityFilter; after: string }) {
  const { data } = useQuery(activityQuery, {
    variables: { filter, first: PAGE_SIZE, after },
    fetchPolicy: 'cache-first',
  });
  if (data === undefined) return null;
  return <ActivityRows events={data.activity.edges.map((edge) => edge.node)} />;
}

/** "Load more" for the last page loaded, with its progress and errors. */
function LoadMore({
  filter,
  afters,
  firstPage,
  onLoadMore,
}: {
  filter: ActivityFilter;
  afters: readonly string[];
  firstPage: ActivityQuery['activity'];
  onLoadMore: (cursor: string) => void;
}) {
  const last = afters.at(-1);
  const { data, error, loading, refetch } = useQuery(activityQuery, {
    variables: { filter, first: PAGE_SIZE, after: last ?? null },
    skip: last === undefined,
    fetchPolicy: 'cache-first',
  });
  const page = last === undefined ? firstPage : data?.activity;
  if (error !== undefined)
    return (
      <ErrorAlert
        error={error}
        title="Could not load more events"
        onRetry={() => void refetch()}
        retrying={loading}
      />
    );
  if (page === undefined)
    return (
      <Group justify="center" role="status">
        <Loader size="xs" aria-hidden="true" />
        <Text size="sm">Loading more events…</Text>
      </Group>
    );
  if (!page.pageInfo.hasNextPage || page.pageInfo.endCursor === null)
    return (
      <Text size="sm" c="dimmed" ta="center">
        That is everything{afters.length > 0 ? '' : ' for these filters'}.
      </Text>
    );
  const cursor = page.pageInfo.endCursor;
  return (
    <Group justify="center">
      <Button variant="default" onClick={() => onLoadMore(cursor)}>
        Load older events
      </Button>
    </Group>
  );
}

function ActivityRows({ events }: { events: readonly Event[] }) {
  return (
    <>
      {events.map((event) => {
        const path = recordPath(event);
        return (
          <Table.Tr key={event.id}>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              <DateTimeText value={event.at} />
            </Table.Td>
            <Table.Td>
              {event.actor?.displayName ?? <Text c="dimmed">No one signed in</Text>}
            </Table.Td>
            <Table.Td>
              <Code>{event.action}</Code>
            </Table.Td>
            <Table.Td>
              {path !== null ? (
                <Anchor component={Link} to={path} size="sm">
                  {event.entityType}
                </Anchor>
              ) : (
                <Text size="sm">{event.entityType}</Text>
              )}
              <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                {event.entityId}
              </Text>
            </Table.Td>
            <Table.Td>
              <Stack gap={2}>
                {event.changes.slice(0, 4).map((change) => (
                  <Text key={change.field} size="xs" style={{ overflowWrap: 'anywhere' }}>
                    <Text span fw={600} size="xs">
                      {change.field}
                    </Text>
                    : {change.before !== null ? `${truncate(change.before, 60)} → ` : ''}
                    {truncate(change.after ?? '—', 80)}
                  </Text>
                ))}
                {event.changes.length > 4 && (
                  <Text size="xs" c="dimmed">
                    and {counted(event.changes.length - 4, 'more change')}
                  </Text>
                )}
                {event.reason !== null && (
                  <Text size="xs">
                    <Text span fw={600} size="xs">
                      Reason
                    </Text>
                    : {event.reason}
                  </Text>
                )}
              </Stack>
            </Table.Td>
          </Table.Tr>
        );
      })}
    </>
  );
}
