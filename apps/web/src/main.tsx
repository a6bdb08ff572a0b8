import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './styles.css';

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { ApolloProvider } from '@apollo/client/react';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { SIGN_IN_PATH, sessionExpiry, signInPathFor } from '@corroborate/web-auth';
import { createApolloClient } from './apollo-client';
import { routes } from './routes';
import { cssVariablesResolver, theme } from './theme';

const router = createBrowserRouter(routes);

const client = createApolloClient({
  // The session is gone (signed out elsewhere, expired, or the user was deactivated). On a
  // signed-in page, ask for the password over it so nothing typed is lost; otherwise go to
  // sign-in, then come back to the same page.
  onUnauthenticated: () => {
    if (sessionExpiry.hasHost()) {
      sessionExpiry.markExpired();
      return;
    }
    const { location } = router.state;
    if (location.pathname === SIGN_IN_PATH) return;
    void router.navigate(signInPathFor(location), { replace: true });
  },
});

const container = document.getElementById('root');
if (container === null) throw new Error('Missing #root element in index.html');

createRoot(container).render(
  <StrictMode>
    <MantineProvider
      theme={theme}
      cssVariablesResolver={cssVariablesResolver}
      defaultColorScheme="light"
      forceColorScheme="light"
    >
      <Notifications position="top-right" />
      <ApolloProvider client={client}>
        <RouterProvider router={router} />
      </ApolloProvider>
    </MantineProvider>
  </StrictMode>,
);
