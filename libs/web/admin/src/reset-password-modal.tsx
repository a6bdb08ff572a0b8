import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { UserFieldsFragment } from '@corroborate/graphql';
import { ErrorAlert, PASSWORD_VISIBILITY_TOGGLE_PROPS, getFormErrors } from '@corroborate/web-ui';
import { PASSWORD_RULE, checkPassword } from './password-rules';
import { resetUserPasswordMutation } from './users.graphql';

export function ResetPasswordModal({
  user,
  onClose,
}: {
  user: UserFieldsFragment | null;
  onClose: () => void;
}) {
  return (
    <Modal
      closeOnClickOutside={false}
      opened={user !== null}
      onClose={onClose}
      title="Reset password"
      centered
    >
      {user !== null && <ResetPasswordForm user={user} onClose={onClose} />}
    </Modal>
  );
}

function ResetPasswordForm({ user, onClose }: { user: UserFieldsFragment; onClose: () => void }) {
  const [password, setPassword] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);
  const [resetPassword, { loading }] = useMutation(resetUserPasswordMutation);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const problem = checkPassword(password);
    setFieldError(problem ?? undefined);
    setFormError(null);
    if (problem !== null) return;
    try {
      await resetPassword({ variables: { input: { userId: user.id, newPassword: password } } });
      notifications.show({
        color: 'teal',
        title: 'Password reset',
        message: `Give ${user.displayName} the new password privately.`,
      });
      onClose();
    } catch (error) {
      const result = getFormErrors(error, ['newPassword', 'password'] as const);
      setFieldError(result.fieldErrors.newPassword ?? result.fieldErrors.password);
      setFormError(result.formError);
    }
  };

  return (
    <form noValidate onSubmit={(event) => void onSubmit(event)}>
      <Stack gap="md">
        <Text>
          Set a new password for <strong>{user.displayName}</strong> ({user.email}). Their current
          password stops working at once.
        </Text>
        {formError !== null && (
          <ErrorAlert message={formError} title="Could not reset the password" />
        )}
        <PasswordInput
          visibilityToggleButtonProps={PASSWORD_VISIBILITY_TOGGLE_PROPS}
          label="New password"
          description={PASSWORD_RULE}
          autoComplete="new-password"
          required
          data-autofocus
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          error={fieldError}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={loading}>
            Set password
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
