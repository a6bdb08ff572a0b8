import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation, useQuery } from '@apollo/client/react';
import { Anchor, Badge, Button, Group, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconBellOff, IconChecks } from '@tabler/icons-react';
import type { NotificationKind, NotificationsQuery } from '@corroborate/graphql';
import {
  DateTimeText,
  EmptyState,
  ErrorAlert,
  PageHeader,
  describeError,
  truncate,
} from '@corroborate/web-ui';
import {
  markAllNotificationsReadMutation,
  markNotificationsReadMutation,
  notificationsQuery,
} from './notifications.graphql';

type Notification = NotificationsQuery['notifications']['nodes'][number];

const PAGE_SIZE = 30;

const KIND_LABELS: Record<NotificationKind, string> = {
  ASSIGNED: 'Assigned',
  MENTIONED: 'Mentioned',
  ADJUDICATED: 'Adjudicated',
  NEEDS_ADJUDICATION: 'Needs adjudication',
};

const KIND_COLORS: Record<NotificationKind, string> = {
  ASSIGNED: 'teal',
  MENTIONED: 'indigo',
  ADJUDICATED: 'grape',
  NEEDS_ADJUDICATION: 'orange',
};

/** The signed-in user's notifications: unread first by default, mark read, open the claim. */
export function NotificationsPage() {
  const [show, setShow] = useState<'unread' | 'all'>('unread');
  const [actionError, setActionError] = useState<string | null>(null);
  const navigate = useNavigate();
  const { data, error, loading, refetch, fetchMore } = useQuery(notificationsQuery, {
    variables: { first: PAGE_SIZE, after: null, unreadOnly: show === 'unread' },
    notifyOnNetworkStatusChange: true,
  });
  const refresh = ['Notifications', 'UnreadNotificationCount'];
  const [markRead] = useMutation(markNotificationsReadMutation, { refetchQueries: refresh });
  const [markAll, markingAll] = useMutation(markAllNotificationsReadMutation, {
    refetchQueries: refresh,
    awaitRefetchQueries: true,
  });
  const page = data?.notifications;

  const open = async (notification: Notification) => {
    setActionError(null);
    try {
      if (notification.readAt === null) await markRead({ variables: { ids: [notification.id] } });
    } catch (caught) {
      setActionError(describeError(caught));
    }
    if (notification.claim) void navigate(`/claims/${notification.claim.id}`);
  };
  const read = async (notification: Notification) => {
    setActionError(null);
    try {
      await markRead({ variables: { ids: [notification.id] } });
    } catch (caught) {
      setActionError(describeError(caught));
    }
  };
  const readAll = async () => {
    setActionError(null);
    try {
      await markAll();
    } catch (caught) {
      setActionError(describeError(caught));
    }
  };

  return (
    <>
      <PageHeader
        title="Notifications"
        description="Assignments, mentions, adjudications and claims waiting for adjudication."
        actions={
          <Button
            variant="default"
            leftSection={<IconChecks size={16} aria-hidden="true" />}
            onClick={() => void readAll()}
            loading={markingAll.loading}
            disabled={(page?.unreadCount ?? 0) === 0}
          >
            Mark all read
          </Button>
        }
      />
      <Stack gap="md">
        <Group justify="space-between">
          <SegmentedControl
            aria-label="Show"
            value={show}
            onChange={(value) => setShow(value === 'all' ? 'all' : 'unread')}
            data={[
              { value: 'unread', label: `Unread${page ? ` (${page.unreadCount})` : ''}` },
              { value: 'all', label: 'All' },
            ]}
          />
        </Group>
        {actionError !== null && <ErrorAlert message={actionError} title="Could not update" />}
        {error !== undefined && page === undefined ? (
          <ErrorAlert
            error={error}
            title="Could not load your notifications"
            onRetry={() => void refetch()}
            retrying={loading}
          />
        ) : page === undefined ? (
          <Text role="status" c="dimmed">
            Loading notifications…
          </Text>
        ) : page.nodes.length === 0 ? (
          <EmptyState
            icon={<IconBellOff size={32} aria-hidden="true" />}
            title={show === 'unread' ? 'Nothing unread' : 'No notifications yet'}
            description={
              show === 'unread'
                ? 'You are up to date. Switch to "All" to see earlier notifications.'
                : 'You will be told here when you are assigned a claim, mentioned in a comment, or a claim you work on moves on.'
            }
            action={
              <Anchor component={Link} to="/queue">
                Go to the queue
              </Anchor>
            }
          />
        ) : (
          <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {page.nodes.map((notification) => (
              <Paper
                key={notification.id}
                component="li"
                withBorder
                radius="md"
                p="sm"
                bg={notification.readAt === null ? 'indigo.0' : undefined}
              >
                <Group justify="space-between" wrap="nowrap" align="flex-start">
                  <Stack gap={4} style={{ minWidth: 0 }}>
                    <Group gap="xs">
                      <Badge color={KIND_COLORS[notification.kind]} variant="light">
                        {KIND_LABELS[notification.kind]}
                      </Badge>
                      {notification.readAt === null && (
                        <Badge color="red" variant="filled" size="xs">
                          Unread
                        </Badge>
                      )}
                      <Text size="xs" c="dimmed">
                        <DateTimeText value={notification.createdAt} />
                      </Text>
                    </Group>
                    <Text size="sm" fw={notification.readAt === null ? 600 : 400}>
                      {notification.message}
                    </Text>
                    {notification.claim && (
                      <Anchor
                        component="button"
                        type="button"
                        size="sm"
                        ta="left"
                        onClick={() => void open(notification)}
                        style={{ overflowWrap: 'anywhere' }}
                      >
                        {truncate(notification.claim.text, 160)}
                      </Anchor>
                    )}
                  </Stack>
                  {notification.readAt === null && (
                    <Button
                      variant="subtle"
                      size="xs"
                      onClick={() => void read(notification)}
                      aria-label={`Mark read: ${notification.message}`}
                    >
                      Mark read
                    </Button>
                  )}
                </Group>
              </Paper>
            ))}
          </Stack>
        )}
        {page?.pageInfo.hasNextPage && (
          <Group justify="center">
            <Button
              variant="default"
              loading={loading}
              onClick={() =>
                void fetchMore({
                  variables: { after: page.pageInfo.endCursor },
                  updateQuery: (previous, { fetchMoreResult }) => ({
                    notifications: {
                      ...fetchMoreResult.notifications,
                      nodes: [
                        ...previous.notifications.nodes,
                        ...fetchMoreResult.notifications.nodes,
                      ],
                    },
                  }),
                })
              }
            >
              Show more
            </Button>
          </Group>
        )}
      </Stack>
    </>
  );
}
