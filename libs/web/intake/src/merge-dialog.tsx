import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { Button, Group, Modal, Paper, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowsExchange } from '@tabler/icons-react';
import { ErrorAlert, describeError } from '@corroborate/web-ui';
import { mergeClaimsMutation } from './intake.graphql';

export interface MergeSide {
  id: string;
  text: string;
  version?: number;
}

/**
 * Merge one claim into another: the duplicate's evidence (with captures and history) moves to the
 * surviving claim and the duplicate becomes Rejected as a duplicate, linked to it.
 */
export function MergeDialog({
  opened,
  onClose,
  survivor,
  duplicate,
  onMerged,
}: {
  opened: boolean;
  onClose: () => void;
  survivor: MergeSide;
  duplicate: MergeSide;
  onMerged?: (survivorId: string) => void;
}) {
  return (
    <Modal
      closeOnClickOutside={false}
      opened={opened}
      onClose={onClose}
      title="Merge duplicate claims"
      centered
      size="lg"
    >
      {opened && (
        <MergeForm
          survivor={survivor}
          duplicate={duplicate}
          onClose={onClose}
          onMerged={onMerged}
        />
      )}
    </Modal>
  );
}

function MergeForm({
  survivor: initialSurvivor,
  duplicate: initialDuplicate,
  onClose,
  onMerged,
}: {
  survivor: MergeSide;
  duplicate: MergeSide;
  onClose: () => void;
  onMerged?: (survivorId: string) => void;
}) {
  const [sides, setSides] = useState({ survivor: initialSurvivor, duplicate: initialDuplicate });
  const [reason, setReason] = useState('Same claim, taken in twice.');
  const [error, setError] = useState<string | null>(null);
  const [merge, { loading }] = useMutation(mergeClaimsMutation, {
    refetchQueries: ['QueueClaims', 'LikelyDuplicates'],
  });

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(null);
    if (reason.trim() === '') {
      setError('Give a reason for the merge.');
      return;
    }
    try {
      await merge({
        variables: {
          input: {
            survivorId: sides.survivor.id,
            duplicateId: sides.duplicate.id,
            reason: reason.trim(),
            expectedDuplicateVersion: sides.duplicate.version ?? null,
          },
        },
      });
      notifications.show({
        color: 'teal',
        title: 'Claims merged',
        message: 'The duplicate was rejected and its evidence moved to the surviving claim.',
      });
      onClose();
      onMerged?.(sides.survivor.id);
    } catch (e) {
      setError(describeError(e));
    }
  };

  return (
    <form noValidate onSubmit={(event) => void onSubmit(event)}>
      <Stack gap="md">
        {error !== null && <ErrorAlert message={error} title="Could not merge" />}
        <Text size="sm">
          The duplicate&apos;s evidence, captures and history move to the surviving claim. The
          duplicate becomes <strong>Rejected</strong> as a duplicate, linked to the survivor;
          nothing is deleted.
        </Text>
        <Paper withBorder p="sm">
          <Text size="xs" fw={700} c="dimmed" tt="uppercase">
            Keeps (survivor)
          </Text>
          <Text size="sm" data-testid="merge-survivor">
            {sides.survivor.text}
          </Text>
        </Paper>
        <Group justify="center">
          <Button
            variant="subtle"
            size="compact-sm"
            leftSection={<IconArrowsExchange size={16} aria-hidden="true" />}
            onClick={() => setSides({ survivor: sides.duplicate, duplicate: sides.survivor })}
          >
            Swap
          </Button>
        </Group>
        <Paper withBorder p="sm">
          <Text size="xs" fw={700} c="dimmed" tt="uppercase">
            Merged in and rejected (duplicate)
          </Text>
          <Text size="sm" data-testid="merge-duplicate">
            {sides.duplicate.text}
          </Text>
        </Paper>
        <Textarea
          label="Reason"
          required
          autosize
          minRows={2}
          maxLength={2000}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={loading}>
            Merge
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
