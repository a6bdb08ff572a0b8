import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { Button, Group, Modal, NativeSelect, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Role, UserFieldsFragment } from '@corroborate/graphql';
import {
  ErrorAlert,
  ROLE_DESCRIPTIONS,
  ROLE_LABELS,
  getFormErrors,
  isRole,
} from '@corroborate/web-ui';
import { ROLE_OPTIONS } from './create-user-modal';
import { updateUserRoleMutation } from './users.graphql';

export function ChangeRoleModal({
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
      title="Change role"
      centered
    >
      {user !== null && <ChangeRoleForm user={user} onClose={onClose} />}
    </Modal>
  );
}

function ChangeRoleForm({ user, onClose }: { user: UserFieldsFragment; onClose: () => void }) {
  const [role, setRole] = useState<Role>(user.role);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);
  const [updateRole, { loading }] = useMutation(updateUserRoleMutation);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (role === user.role) {
      onClose();
      return;
    }
    setFieldError(undefined);
    setFormError(null);
    try {
      await updateRole({ variables: { input: { userId: user.id, role } } });
      notifications.show({
        color: 'teal',
        title: 'Role changed',
        message: `${user.displayName} now has the ${ROLE_LABELS[role]} role.`,
      });
      onClose();
    } catch (error) {
      const result = getFormErrors(error, ['role'] as const);
      setFieldError(result.fieldErrors.role);
      setFormError(result.formError);
    }
  };

  return (
    <form noValidate onSubmit={(event) => void onSubmit(event)}>
      <Stack gap="md">
        <Text>
          Choose a role for <strong>{user.displayName}</strong> ({user.email}).
        </Text>
        {formError !== null && <ErrorAlert message={formError} title="Could not change the role" />}
        <NativeSelect
          label="Role"
          description={ROLE_DESCRIPTIONS[role]}
          data-autofocus
          data={ROLE_OPTIONS}
          value={role}
          onChange={(event) => {
            const value = event.currentTarget.value;
            if (isRole(value)) setRole(value);
          }}
          error={fieldError}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={loading}>
            Save role
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
