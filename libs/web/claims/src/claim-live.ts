import { useSubscription } from '@apollo/client/react';
import { notifications } from '@mantine/notifications';
import { graphql } from '@corroborate/graphql';
import { useCurrentUser } from '@corroborate/web-ui';

export const claimActivitySubscription = graphql(`
  subscription ClaimActivity($claimId: ID!) {
    claimActivity(claimId: $claimId) {
      claimId
      action
      actorId
      actorName
      summary
      at
    }
  }
`);

/**
 * Keeps an open claim current: when someone else changes it (or its evidence, captures,
 * reviews), reload it and say what changed. The event carries no content; the reload goes
 * through the ordinary query, so it shows only what the viewer may see.
 */
export function useClaimLiveRefresh(claimId: string, reload: () => Promise<unknown>): void {
  const me = useCurrentUser();
  useSubscription(claimActivitySubscription, {
    variables: { claimId },
    onData: ({ data }) => {
      const event = data.data?.claimActivity;
      if (!event || event.actorId === me.id) return;
      void reload();
      notifications.show({
        id: `live-${claimId}-${event.at}`,
        color: 'indigo',
        title: 'Updated just now',
        message: `${event.summary}. The page shows the latest version.`,
      });
    },
  });
}
