import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import { useMutation } from '@apollo/client/react';
import { notifications } from '@mantine/notifications';
import { browserDrafts, describeError, hasErrorCode, useConfirmLeave } from '@corroborate/web-ui';
import { signOutMutation } from './auth.graphql';
import { SIGN_IN_PATH } from './redirect';

/**
 * Signs out on the server, then goes to the sign-in page (which clears the cache) and removes the
 * input this browser kept of unsaved forms; asks first when a form holds unsaved input.
 */
export function useSignOut(): { signOut: () => Promise<void>; signingOut: boolean } {
  const navigate = useNavigate();
  const [mutate, { loading }] = useMutation(signOutMutation);
  const confirmLeave = useConfirmLeave();
  const signOut = useCallback(async () => {
    if (!(await confirmLeave())) return;
    try {
      await mutate();
    } catch (error) {
      // Already signed out (e.g. the session expired): just go to the sign-in page.
      if (hasErrorCode(error, 'UNAUTHENTICATED')) {
        await navigate(SIGN_IN_PATH, { replace: true });
        browserDrafts.clearAll();
        return;
      }
      notifications.show({
        color: 'red',
        title: 'Could not sign out',
        message: describeError(error),
      });
      return;
    }
    await navigate(SIGN_IN_PATH, { replace: true });
    // After the pages have gone (none of their forms writes again).
    browserDrafts.clearAll();
  }, [confirmLeave, mutate, navigate]);
  return { signOut, signingOut: loading };
}
