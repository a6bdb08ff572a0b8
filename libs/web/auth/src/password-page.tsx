import { useRef, useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { Alert, Button, Group, Paper, PasswordInput, Stack, Text } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { graphql } from '@corroborate/graphql';
import { ErrorAlert, PageHeader, getFormErrors } from '@corroborate/web-ui';

export const changeMyPasswordMutation = graphql(`
  mutation ChangeMyPassword($input: ChangeMyPasswordInput!) {
    changeMyPassword(input: $input)
  }
`);

/** The password policy the API applies (libs/api/users, PASSWORD_MIN_LENGTH / MAX_LENGTH). */
const MIN_LENGTH = 12;
const MAX_LENGTH = 256;

type Field = 'currentPassword' | 'newPassword' | 'confirmation';

/**
 * "Change password": the signed-in person sets a new password by giving the current one. Their
 * other browser sessions are signed out; this one and their API tokens go on. Nothing typed here
 * is kept anywhere.
 */
export function PasswordPage() {
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [changed, setChanged] = useState(false);
  const currentRef = useRef<HTMLInputElement>(null);
  const [change, { loading }] = useMutation(changeMyPasswordMutation);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setChanged(false);
    setFormError(null);
    const found: Partial<Record<Field, string>> = {};
    if (currentPassword === '') found.currentPassword = 'Enter the password you sign in with now.';
    if (newPassword.length < MIN_LENGTH || newPassword.length > MAX_LENGTH)
      found.newPassword = `Password must be between ${MIN_LENGTH} and ${MAX_LENGTH} characters.`;
    else if (newPassword === currentPassword)
      found.newPassword = 'Choose a new password, not the current one again.';
    if (confirmation !== newPassword)
      found.confirmation = 'This does not match the new password; type it again.';
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    try {
      await change({ variables: { input: { currentPassword, newPassword } } });
      setCurrentPassword('');
      setNewPassword('');
      setConfirmation('');
      setChanged(true);
    } catch (error) {
      const result = getFormErrors(error, ['currentPassword', 'newPassword'] as const);
      setErrors(result.fieldErrors);
      setFormError(result.formError);
      if (result.fieldErrors.currentPassword !== undefined) currentRef.current?.focus();
    }
  };

  return (
    <>
      <PageHeader
        title="Change password"
        description="Give your current password and choose a new one. Your other browser sessions are signed out; this one and your API tokens go on working (revoke tokens on the API tokens page, or sign out everywhere)."
      />
      <Paper withBorder radius="md" p="md" maw={520}>
        <form noValidate aria-label="Change password" onSubmit={(event) => void onSubmit(event)}>
          <Stack gap="md">
            {changed && (
              <Alert
                color="teal"
                variant="light"
                role="status"
                icon={<IconCheck size={18} aria-hidden="true" />}
                title="Password changed"
              >
                Sign in with the new password from now on. Your other browser sessions have been
                signed out.
              </Alert>
            )}
            {formError !== null && (
              <ErrorAlert message={formError} title="Could not change the password" />
            )}
            <PasswordInput
              ref={currentRef}
              label="Current password"
              autoComplete="current-password"
              required
              value={currentPassword}
              onChange={(event) => setCurrentPassword(event.currentTarget.value)}
              error={errors.currentPassword}
            />
            <PasswordInput
              label="New password"
              description={`At least ${MIN_LENGTH} characters; a passphrase of several words is easiest to remember.`}
              autoComplete="new-password"
              required
              value={newPassword}
              onChange={(event) => setNewPassword(event.currentTarget.value)}
              error={errors.newPassword}
            />
            <PasswordInput
              label="New password, again"
              autoComplete="new-password"
              required
              value={confirmation}
              onChange={(event) => setConfirmation(event.currentTarget.value)}
              error={errors.confirmation}
            />
            <Group justify="flex-end">
              <Button type="submit" loading={loading}>
                Change password
              </Button>
            </Group>
            <Text size="xs" c="dimmed">
              Forgotten your password? An administrator can set a new one for you.
            </Text>
          </Stack>
        </form>
      </Paper>
    </>
  );
}
