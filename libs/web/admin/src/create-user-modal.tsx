import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { Button, Group, Modal, NativeSelect, PasswordInput, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Role } from '@corroborate/graphql';
import {
  ErrorAlert,
  PASSWORD_VISIBILITY_TOGGLE_PROPS,
  ROLES,
  ROLE_DESCRIPTIONS,
  ROLE_LABELS,
  getFormErrors,
  isRole,
  useUnsavedChanges,
} from '@corroborate/web-ui';
import { PASSWORD_RULE, checkPassword } from './password-rules';
import { createUserMutation, usersQuery } from './users.graphql';

type UserField = 'email' | 'displayName' | 'role' | 'password';
const USER_FIELDS: readonly UserField[] = ['email', 'displayName', 'role', 'password'];

export const ROLE_OPTIONS = ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));

export function CreateUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Modal
      closeOnClickOutside={false}
      opened={opened}
      onClose={onClose}
      title="New user"
      centered
      size="lg"
    >
      {opened && <CreateUserForm onClose={onClose} />}
    </Modal>
  );
}

function CreateUserForm({ onClose }: { onClose: () => void }) {
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [role, setRole] = useState<Role>('REVIEWER');
  const [password, setPassword] = useState('');
  useUnsavedChanges(
    'the new user’s details',
    email.trim() !== '' || displayName.trim() !== '' || password !== '',
  );
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<UserField, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [createUser, { loading }] = useMutation(createUserMutation, {
    refetchQueries: [{ query: usersQuery }],
    awaitRefetchQueries: true,
  });

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const errors: Partial<Record<UserField, string>> = {};
    if (email.trim() === '') errors.email = 'Enter an email address.';
    else if (!/^[^\s@]+@[^\s@]+$/.test(email.trim())) {
      errors.email = 'Enter an email address like name@example.org.';
    }
    if (displayName.trim() === '') errors.displayName = 'Enter the name colleagues know them by.';
    const passwordProblem = checkPassword(password);
    if (passwordProblem !== null) errors.password = passwordProblem;
    setFieldErrors(errors);
    setFormError(null);
    if (Object.keys(errors).length > 0) return;
    try {
      const result = await createUser({
        variables: {
          input: { email: email.trim(), displayName: displayName.trim(), role, password },
        },
      });
      const created = result.data?.createUser;
      notifications.show({
        color: 'teal',
        title: 'User created',
        message: created
          ? `${created.displayName} can now sign in as ${created.email}.`
          : 'The user can now sign in.',
      });
      onClose();
    } catch (error) {
      const result = getFormErrors(error, USER_FIELDS);
      setFieldErrors(result.fieldErrors);
      setFormError(result.formError);
    }
  };

  return (
    <form noValidate onSubmit={(event) => void onSubmit(event)}>
      <Stack gap="md">
        {formError !== null && <ErrorAlert message={formError} title="Could not create the user" />}
        <TextInput
          label="Email"
          type="email"
          autoComplete="off"
          spellCheck={false}
          required
          data-autofocus
          value={email}
          onChange={(event) => setEmail(event.currentTarget.value)}
          error={fieldErrors.email}
        />
        <TextInput
          label="Display name"
          autoComplete="off"
          required
          maxLength={200}
          value={displayName}
          onChange={(event) => setDisplayName(event.currentTarget.value)}
          error={fieldErrors.displayName}
        />
        <NativeSelect
          label="Role"
          description={ROLE_DESCRIPTIONS[role]}
          required
          data={ROLE_OPTIONS}
          value={role}
          onChange={(event) => {
            const value = event.currentTarget.value;
            if (isRole(value)) setRole(value);
          }}
          error={fieldErrors.role}
        />
        <PasswordInput
          visibilityToggleButtonProps={PASSWORD_VISIBILITY_TOGGLE_PROPS}
          label="Password"
          description={`${PASSWORD_RULE} Share it with them privately; they can keep using it.`}
          autoComplete="new-password"
          required
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          error={fieldErrors.password}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={loading}>
            Create user
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
