import type { ReactNode } from 'react';
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

/**
 * Loads the signed-in user (`me`) and provides it to everything below. A
 * signed-out visitor is sent to the sign-in page, which brings them back here.
 */
export function RequireAuth({ children }: { children: ReactNode }) {
  const location = useLocation();
  const { data, error, loading, refetch } = useQuery(meQuery, {
    notifyOnNetworkStatusChange: true,
  });

  if (data?.me !== undefined) {
    return <CurrentUserProvider user={data.me}>{children}</CurrentUserProvider>;
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
