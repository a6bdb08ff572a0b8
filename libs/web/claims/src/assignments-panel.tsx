import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { AssignmentFieldsFragment, AssignmentStatus, ClaimQuery } from '@corroborate/graphql';
import { CLAIM_WRITE_ROLES, ConfirmModal, DateTimeText, useHasRole } from '@corroborate/web-ui';
import { AssignReviewersForm } from './assign-reviewers-form';
import { ReassignModal } from './reassign-modal';
import { unassignReviewerMutation } from './review.graphql';

type Claim = ClaimQuery['claim'];

const ASSIGNMENT_STATUS_LABELS: Readonly<Record<AssignmentStatus, string>> = {
  OPEN: 'Open',
  SUBMITTED: 'Submitted',
  DECLINED: 'Declined',
};

const ASSIGNMENT_STATUS_COLORS: Readonly<Record<AssignmentStatus, string>> = {
  OPEN: 'blue',
  SUBMITTED: 'teal',
  DECLINED: 'gray',
};

/** "Assignments" for editors: who reviews the claim, with "Remove" for OPEN ones. */
export function AssignmentsPanel({ claim }: { claim: Claim }) {
  const canManage = useHasRole(CLAIM_WRITE_ROLES);
  const [removing, setRemoving] = useState<AssignmentFieldsFragment | null>(null);
  const [reassigning, setReassigning] = useState<AssignmentFieldsFragment | null>(null);
  const [unassign, { loading, error, reset }] = useMutation(unassignReviewerMutation, {
    refetchQueries: ['Claim'],
    awaitRefetchQueries: true,
  });
  if (!canManage) return null;

  const close = () => {
    setRemoving(null);
    reset();
  };
  const onConfirm = async () => {
    if (removing === null) return;
    try {
      await unassign({ variables: { input: { assignmentId: removing.id } } });
      notifications.show({
        color: 'teal',
        title: 'Reviewer removed',
        message: removing.reviewer.displayName,
      });
      setRemoving(null);
    } catch {
      // Shown in the dialog.
    }
  };

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="assignments-heading">
      <Title order={2} size="h3" id="assignments-heading" mb="sm">
        Assignments
      </Title>
      {claim.assignments.length === 0 ? (
        <Text size="sm" c="dimmed">
          No reviewers assigned yet.
        </Text>
      ) : (
        <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {claim.assignments.map((assignment) => (
            <li key={assignment.id}>
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Stack gap={2}>
                  <Group gap="xs">
                    <Text size="sm" fw={600}>
                      {assignment.reviewer.displayName}
                    </Text>
                    <Badge color={ASSIGNMENT_STATUS_COLORS[assignment.status]} variant="light">
                      {ASSIGNMENT_STATUS_LABELS[assignment.status]}
                    </Badge>
                  </Group>
                  {assignment.dueAt !== null && (
                    <Text size="xs" c="dimmed">
                      Due <DateTimeText value={assignment.dueAt} dateOnly />
                    </Text>
                  )}
                  {assignment.declineReason !== null && (
                    <Text size="xs" c="dimmed">
                      Declined: {assignment.declineReason}
                    </Text>
                  )}
                </Stack>
                {assignment.status === 'OPEN' && (
                  <Group gap="xs" wrap="nowrap">
                    <Button
                      variant="default"
                      size="xs"
                      aria-label={`Reassign ${assignment.reviewer.displayName}`}
                      onClick={() => setReassigning(assignment)}
                    >
                      Reassign…
                    </Button>
                    <Button
                      variant="default"
                      size="xs"
                      aria-label={`Remove ${assignment.reviewer.displayName}`}
                      onClick={() => setRemoving(assignment)}
                    >
                      Remove
                    </Button>
                  </Group>
                )}
              </Group>
            </li>
          ))}
        </Stack>
      )}
      {(claim.status === 'NEW' || claim.status === 'IN_REVIEW') && (
        <AssignReviewersForm claim={claim} />
      )}
      <ReassignModal claim={claim} assignment={reassigning} onClose={() => setReassigning(null)} />
      <ConfirmModal
        opened={removing !== null}
        title="Remove reviewer?"
        confirmLabel="Remove reviewer"
        confirmColor="red"
        loading={loading}
        error={error}
        onConfirm={() => void onConfirm()}
        onClose={close}
      >
        <Text size="sm">
          {removing?.reviewer.displayName} is taken off this claim and their unsubmitted draft is
          discarded.
        </Text>
      </ConfirmModal>
    </Paper>
  );
}
