import { useCallback, useEffect, useRef, useState } from 'react';
import { useSubscription } from '@apollo/client/react';
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
      fields
      at
    }
  }
`);

export interface LiveChange {
  /** One sentence, e.g. "Elena Editor edited the claim (text, priority)". */
  summary: string;
  at: string;
}

/** The newest changes by others kept on the page (older ones are in the history). */
const KEPT_CHANGES = 5;
/** Changes arriving together (a merge moves many evidence items) cause one reload. */
const RELOAD_DELAY_MS = 250;

/**
 * Keeps an open claim current: when someone else changes it (or its evidence, captures,
 * reviews), reload it once per burst and keep a note of what changed on the page until it is
 * dismissed. The event carries no content; the reload goes through the ordinary query, so it
 * shows only what the viewer may see.
 */
export function useClaimLiveRefresh(
  claimId: string,
  reload: () => Promise<unknown>,
): { changes: LiveChange[]; dismiss: () => void } {
  const me = useCurrentUser();
  const [changes, setChanges] = useState<LiveChange[]>([]);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const reloadRef = useRef(reload);
  reloadRef.current = reload;
  useEffect(
    () => () => {
      if (timer.current !== null) clearTimeout(timer.current);
    },
    [],
  );
  useEffect(() => setChanges([]), [claimId]);
  useSubscription(claimActivitySubscription, {
    variables: { claimId },
    onData: ({ data }) => {
      const event = data.data?.claimActivity;
      if (!event || event.actorId === me.id) return;
      setChanges((previous) =>
        [{ summary: event.summary, at: String(event.at) }, ...previous].slice(0, KEPT_CHANGES),
      );
      if (timer.current !== null) clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        timer.current = null;
        void reloadRef.current();
      }, RELOAD_DELAY_MS);
    },
  });
  const dismiss = useCallback(() => setChanges([]), []);
  return { changes, dismiss };
}
