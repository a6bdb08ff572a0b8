import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { Alert, Anchor, Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { PASSWORD_VISIBILITY_TOGGLE_PROPS, getFormErrors } from '@corroborate/web-ui';
import { signInMutation } from './auth.graphql';
import { SIGN_IN_PATH } from './redirect';
import { sessionExpiry, useSessionExpiredHost } from './session-expiry';

/**
 * Shown over the page when the session ends while someone works (it expired, they signed out
 * everywhere in another tab, an admin reset their password): sign in again as the same person
 * and carry on, with every open form as it was. Signing in as someone else leaves the page.
 */
export function SessionExpiredDialog({ email }: { email: string }) {
  const expired = useSessionExpiredHost();
  const client = useApolloClient();
  const navigate = useNavigate();
  const [password, setPassword] = useState('');
  const [passwordError, setPasswordError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [signIn, { loading }] = useMutation(signInMutation);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFormError(null);
    if (password === '') {
      setPasswordError('Enter your password.');
      return;
    }
    setPasswordError(null);
    try {
      await signIn({ variables: { input: { email, password } } });
      setPassword('');
      sessionExpiry.clear();
      // Queries that failed while signed out load again; forms keep their own state.
      await client.refetchQueries({ include: 'active' });
    } catch (error) {
      const errors = getFormErrors(error, ['password'] as const);
      setPasswordError(errors.fieldErrors.password ?? null);
      setFormError(errors.formError);
      setPassword('');
    }
  };

  return (
    <Modal
      opened={expired}
      onClose={() => undefined}
      withCloseButton={false}
      closeOnClickOutside={false}
      closeOnEscape={false}
      title="Your session has ended"
      zIndex={1000}
      centered
    >
      <form noValidate onSubmit={(event) => void onSubmit(event)}>
        <Stack gap="md">
          <Text size="sm">
            Sign in again to carry on. This page stays as it is: anything you typed is kept, and
            nothing you had not saved yet has been sent. Save it again once you are back.
          </Text>
          {formError !== null && (
            <Alert
              role="alert"
              color="red"
              variant="light"
              title="Could not sign in"
              icon={<IconAlertTriangle aria-hidden="true" />}
            >
              {formError}
            </Alert>
          )}
          <Text size="sm">
            Signed in as <strong>{email}</strong>
          </Text>
          <PasswordInput
            visibilityToggleButtonProps={PASSWORD_VISIBILITY_TOGGLE_PROPS}
            label="Password"
            name="password"
            autoComplete="current-password"
            data-autofocus
            required
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            error={passwordError}
          />
          <Group justify="space-between">
            <Anchor
              component="button"
              type="button"
              size="sm"
              onClick={() => {
                sessionExpiry.clear();
                void navigate(SIGN_IN_PATH);
              }}
            >
              Sign in as someone else (leaves this page)
            </Anchor>
            <Button type="submit" loading={loading}>
              Sign in
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
