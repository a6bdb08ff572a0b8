import { Link } from 'react-router';
import { useQuery, useSubscription } from '@apollo/client/react';
import { ActionIcon, Indicator, Tooltip } from '@mantine/core';
import { notifications as toasts } from '@mantine/notifications';
import { IconBell } from '@tabler/icons-react';
import { myActivitySubscription, unreadNotificationCountQuery } from './notifications.graphql';

/** How often the unread count is re-read when live updates are unavailable. */
const POLL_MS = 60_000;

/**
 * The header's bell: the unread count, kept current by the live `myActivity` feed (and a slow
 * poll as a fallback); a new notification also shows a toast.
 */
export function NotificationsBell() {
  const { data, refetch } = useQuery(unreadNotificationCountQuery, { pollInterval: POLL_MS });
  useSubscription(myActivitySubscription, {
    onData: ({ data: event }) => {
      const activity = event.data?.myActivity;
      if (!activity) return;
      void refetch();
      if (activity.action === 'notification.created') {
        toasts.show({
          id: `notification-${activity.at}`,
          color: 'indigo',
          title: 'New notification',
          message: 'Open the bell in the header to see it.',
        });
      }
    },
  });
  const count = data?.unreadNotificationCount ?? 0;
  // No count is claimed until the server has answered.
  const label =
    data === undefined
      ? 'Notifications'
      : count === 0
        ? 'Notifications, none unread'
        : `Notifications, ${count} unread`;
  return (
    <Tooltip label={label} withinPortal>
      <Indicator
        label={count > 99 ? '99+' : count}
        size={18}
        disabled={count === 0}
        color="red.8"
        offset={4}
      >
        <ActionIcon
          component={Link}
          to="/notifications"
          variant="subtle"
          color="dark"
          size="lg"
          aria-label={label}
        >
          <IconBell size={20} aria-hidden="true" />
        </ActionIcon>
      </Indicator>
    </Tooltip>
  );
}
