import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { Button, Group, Modal, MultiSelect, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { graphql } from '@corroborate/graphql';
import { ErrorAlert, dateInputToLocalIso, getFormErrors } from '@corroborate/web-ui';
import { useReviewerOptions } from './auto-assign-modal';

const assignSelectedMutation = graphql(`
  mutation AssignSelected($input: AssignReviewersInput!) {
    assignReviewers(input: $input) {
      id
    }
  }
`);

interface AssignSelectedModalProps {
  opened: boolean;
  onClose: () => void;
  claimIds: readonly string[];
  onAssigned: () => void;
}

/** Assign the chosen reviewers to every selected claim at once (all or nothing). */
export function AssignSelectedModal({
  opened,
  onClose,
  claimIds,
  onAssigned,
}: AssignSelectedModalProps) {
  const reviewers = useReviewerOptions(!opened);
  const [chosen, setChosen] = useState<string[]>([]);
  const [dueAt, setDueAt] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<'reviewerIds' | 'dueAt', string>>>(
    {},
  );
  const [formError, setFormError] = useState<string | null>(null);
  const [assign, { loading }] = useMutation(assignSelectedMutation);

  const close = () => {
    setChosen([]);
    setDueAt('');
    setFieldErrors({});
    setFormError(null);
    onClose();
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFormError(null);
    if (chosen.length === 0) {
      setFieldErrors({ reviewerIds: 'Choose at least one reviewer.' });
      return;
    }
    setFieldErrors({});
    try {
      const result = await assign({
        variables: {
          input: {
            claimIds: [...claimIds],
            reviewerIds: chosen,
            dueAt: dateInputToLocalIso(dueAt, 'end'),
          },
        },
      });
      const made = result.data?.assignReviewers.length ?? 0;
      notifications.show({
        color: 'teal',
        title: 'Reviewers assigned',
        message: `${made} ${made === 1 ? 'assignment' : 'assignments'} on ${claimIds.length} ${claimIds.length === 1 ? 'claim' : 'claims'}.`,
      });
      onAssigned();
      close();
    } catch (error) {
      const errors = getFormErrors(error, ['reviewerIds', 'dueAt'] as const);
      setFieldErrors(errors.fieldErrors);
      setFormError(errors.formError);
    }
  };

  return (
    <Modal opened={opened} onClose={close} title="Assign selected claims" centered size="lg">
      <form noValidate onSubmit={(event) => void onSubmit(event)}>
        <Stack gap="sm">
          {reviewers.error !== undefined && (
            <ErrorAlert error={reviewers.error} title="Could not load the reviewers" />
          )}
          {formError !== null && <ErrorAlert message={formError} title="Could not assign" />}
          <Text size="sm">
            Every chosen reviewer is assigned to each of the {claimIds.length} selected{' '}
            {claimIds.length === 1 ? 'claim' : 'claims'}. If any claim cannot take them (it is
            locked, already had that reviewer, or would get more reviewers than its project needs),
            nothing is assigned and the reason is shown here.
          </Text>
          <MultiSelect
            label="Reviewers *"
            placeholder="Choose reviewers"
            data={reviewers.options}
            value={chosen}
            onChange={setChosen}
            searchable
            nothingFoundMessage="No reviewer matches"
            error={fieldErrors.reviewerIds}
            data-autofocus
          />
          <TextInput
            label="Due date"
            type="date"
            value={dueAt}
            onChange={(event) => setDueAt(event.currentTarget.value)}
            error={fieldErrors.dueAt}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={loading}>
              Assign
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
