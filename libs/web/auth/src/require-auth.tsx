import { useEffect, useRef, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { Container, Title } from '@mantine/core';
import {
  CurrentUserProvider,
  ErrorAlert,
  PageLoader,
  hasErrorCode,
  useDocumentTitle,
} from '@corroborate/web-ui';
import { meQuery } from './auth.graphql';
import { signInPathFor } from './redirect';
import { SessionExpiredDialog } from './session-expired-dialog';
import { sessionExpiry } from './session-expiry';

/**
 * Loads the signed-in user (`me`) and provides it to everything below. A
 * signed-out visitor is sent to the sign-in page, which brings them back here. A session that
 * ends while the page is open asks for the password over the page instead (nothing typed is lost).
 */
export function RequireAuth({ children }: { children: ReactNode }) {
  const location = useLocation();
  const { data, error, loading, refetch } = useQuery(meQuery, {
    notifyOnNetworkStatusChange: true,
  });
  // The person this page was opened for: kept while their session is renewed.
  const lastUser = useRef(data?.me);
  if (data?.me !== undefined) lastUser.current = data.me;
  const user = data?.me ?? lastUser.current;
  const sessionEnded =
    data?.me === undefined && error !== undefined && hasErrorCode(error, 'UNAUTHENTICATED');
  useEffect(() => {
    if (sessionEnded && lastUser.current !== undefined) sessionExpiry.markExpired();
  }, [sessionEnded]);

  if (user !== undefined && (data?.me !== undefined || sessionEnded)) {
    return (
      <CurrentUserProvider user={user}>
        {children}
        <SessionExpiredDialog email={user.email} />
      </CurrentUserProvider>
    );
  }
  if (error !== undefined && hasErrorCode(error, 'UNAUTHENTICATED')) {
    return <Navigate to={signInPathFor(location)} replace />;
  }
  if (error !== undefined) {
    return <SessionError error={error} retrying={loading} onRetry={() => void refetch()} />;
  }
  return (
    <main>
      <PageLoader label="Loading your session…" />
    </main>
  );
}

function SessionError({
  error,
  retrying,
  onRetry,
}: {
  error: unknown;
  retrying: boolean;
  onRetry: () => void;
}) {
  useDocumentTitle('Cannot load your session');
  return (
    <main>
      <Container size="sm" py="xl">
        <Title order={1} mb="md">
          Cannot load your session
        </Title>
        <ErrorAlert
          error={error}
          title="Corroborate could not reach the server"
          onRetry={onRetry}
          retrying={retrying}
        />
      </Container>
    </main>
  );
}
