import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Group, Modal, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { AssignmentFieldsFragment, ClaimQuery } from '@corroborate/graphql';
import {
  ErrorAlert,
  dateInputToLocalIso,
  getFormErrors,
  useUnsavedChanges,
} from '@corroborate/web-ui';
import { reassignReviewerMutation, reviewersQuery } from './review.graphql';

type Claim = ClaimQuery['claim'];
const FIELDS = ['reviewerId', 'dueAt', 'reason'] as const;
type Field = (typeof FIELDS)[number];

/** Moves an open assignment to another reviewer in one step (the draft of the first is dropped). */
export function ReassignModal({
  claim,
  assignment,
  onClose,
}: {
  claim: Claim;
  assignment: AssignmentFieldsFragment | null;
  onClose: () => void;
}) {
  return (
    <Modal
      opened={assignment !== null}
      onClose={onClose}
      title="Reassign reviewer"
      centered
      closeOnClickOutside={false}
    >
      {assignment !== null && (
        <ReassignForm claim={claim} assignment={assignment} onClose={onClose} />
      )}
    </Modal>
  );
}

function ReassignForm({
  claim,
  assignment,
  onClose,
}: {
  claim: Claim;
  assignment: AssignmentFieldsFragment;
  onClose: () => void;
}) {
  const reviewers = useQuery(reviewersQuery);
  const [reviewerId, setReviewerId] = useState<string | null>(null);
  const [dueAt, setDueAt] = useState('');
  const [reason, setReason] = useState('');
  useUnsavedChanges(
    'the reassignment you are filling in',
    reviewerId !== null || dueAt !== '' || reason.trim() !== '',
  );
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Field, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [reassign, { loading }] = useMutation(reassignReviewerMutation, {
    refetchQueries: ['Claim'],
    awaitRefetchQueries: true,
  });
  // Nobody who has (or had) the claim can take it over; the server refuses it anyway.
  const taken = new Set(claim.assignments.map((a) => a.reviewer.id));
  const options = (reviewers.data?.reviewers ?? [])
    .filter((r) => !taken.has(r.id))
    .map((r) => ({ value: r.id, label: r.displayName }));

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFormError(null);
    if (reviewerId === null) {
      setFieldErrors({ reviewerId: 'Choose who takes the claim over.' });
      return;
    }
    setFieldErrors({});
    try {
      await reassign({
        variables: {
          input: {
            assignmentId: assignment.id,
            reviewerId,
            dueAt: dateInputToLocalIso(dueAt, 'end'),
            reason: reason.trim() === '' ? null : reason.trim(),
          },
        },
      });
      notifications.show({
        color: 'teal',
        title: 'Reviewer reassigned',
        message: `${assignment.reviewer.displayName} → ${options.find((o) => o.value === reviewerId)?.label ?? ''}`,
      });
      onClose();
    } catch (error) {
      const result = getFormErrors(error, FIELDS);
      setFieldErrors(result.fieldErrors);
      setFormError(result.formError);
    }
  };

  return (
    <form noValidate onSubmit={(event) => void onSubmit(event)}>
      <Stack gap="md">
        <Text size="sm">
          {assignment.reviewer.displayName} is taken off this claim (their unsubmitted draft is
          discarded) and the reviewer you choose gets it.
        </Text>
        {reviewers.error !== undefined && (
          <ErrorAlert error={reviewers.error} title="Could not load the reviewers" />
        )}
        <Select
          label="New reviewer"
          required
          data-autofocus
          searchable
          data={options}
          value={reviewerId}
          onChange={setReviewerId}
          error={fieldErrors.reviewerId}
          nothingFoundMessage="No other reviewer is free to take it."
          placeholder={reviewers.loading ? 'Loading reviewers…' : 'Choose a reviewer'}
        />
        <TextInput
          type="date"
          label="Due date"
          description="Leave empty to keep the current due date."
          value={dueAt}
          onChange={(event) => setDueAt(event.currentTarget.value)}
          error={fieldErrors.dueAt}
        />
        <Textarea
          label="Reason"
          description="Optional; kept in the claim's history."
          autosize
          minRows={2}
          maxLength={2000}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          error={fieldErrors.reason}
        />
        {formError !== null && <ErrorAlert message={formError} title="Could not reassign" />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={loading}>
            Reassign
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
