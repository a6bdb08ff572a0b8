import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import {
  Button,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ClaimHeaderFieldsFragment, Priority } from '@corroborate/graphql';
import {
  ConflictAlert,
  ErrorAlert,
  PRIORITY_OPTIONS,
  dateInputToIso,
  dateInputToLocalIso,
  getConflict,
  getFormErrors,
  isHttpUrl,
  isVersionConflict,
  isoToDateInput,
  isoToUtcDate,
  type ConflictInfo,
} from '@corroborate/web-ui';
import { rejectClaimMutation, updateClaimMutation } from './claim.graphql';

type ClaimField =
  'text' | 'claimant' | 'firstAppearanceUrl' | 'firstAppearedAt' | 'topics' | 'priority' | 'dueAt';
const CLAIM_FIELDS: readonly ClaimField[] = [
  'text',
  'claimant',
  'firstAppearanceUrl',
  'firstAppearedAt',
  'topics',
  'priority',
  'dueAt',
];

export interface ClaimModalProps {
  claim: ClaimHeaderFieldsFragment;
  opened: boolean;
  onClose: () => void;
  /** Loads the latest claim from the server (after a conflict). */
  onReload: () => Promise<unknown>;
}

/** Edit a claim; sends the version it started from, so a concurrent change is never overwritten. */
export function EditClaimModal({ claim, opened, onClose, onReload }: ClaimModalProps) {
  // Remount the form for every opening and for every new version after a reload.
  return (
    <Modal opened={opened} onClose={onClose} title="Edit claim" centered size="lg">
      {opened && (
        <EditClaimForm key={claim.version} claim={claim} onClose={onClose} onReload={onReload} />
      )}
    </Modal>
  );
}

function EditClaimForm({
  claim,
  onClose,
  onReload,
}: {
  claim: ClaimHeaderFieldsFragment;
  onClose: () => void;
  onReload: () => Promise<unknown>;
}) {
  const [text, setText] = useState(claim.text);
  const [claimant, setClaimant] = useState(claim.claimant ?? '');
  const [firstAppearanceUrl, setFirstAppearanceUrl] = useState(claim.firstAppearanceUrl ?? '');
  const [firstAppearedAt, setFirstAppearedAt] = useState(
    claim.firstAppearedAt !== null ? isoToUtcDate(claim.firstAppearedAt) : '',
  );
  const [topics, setTopics] = useState<string[]>(claim.topics);
  const [priority, setPriority] = useState<Priority>(claim.priority);
  const [dueAt, setDueAt] = useState(isoToDateInput(claim.dueAt));
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<ClaimField, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<ConflictInfo | null>(null);
  const [reloading, setReloading] = useState(false);
  const [updateClaim, { loading }] = useMutation(updateClaimMutation, {
    refetchQueries: ['Claim'],
  });

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const errors: Partial<Record<ClaimField, string>> = {};
    if (text.trim() === '') errors.text = 'Enter the claim as it was made.';
    if (firstAppearanceUrl.trim() !== '' && !isHttpUrl(firstAppearanceUrl.trim())) {
      errors.firstAppearanceUrl = 'Enter a full web address starting with http:// or https://.';
    }
    setFieldErrors(errors);
    setFormError(null);
    setConflict(null);
    if (Object.keys(errors).length > 0) return;
    try {
      await updateClaim({
        variables: {
          input: {
            claimId: claim.id,
            expectedVersion: claim.version,
            text: text.trim(),
            claimant: claimant.trim(),
            firstAppearanceUrl: firstAppearanceUrl.trim(),
            firstAppearedAt: dateInputToIso(firstAppearedAt),
            topics,
            priority,
            dueAt: dateInputToLocalIso(dueAt, 'end'),
          },
        },
      });
      notifications.show({ color: 'teal', title: 'Claim saved', message: text.trim() });
      onClose();
    } catch (error) {
      if (isVersionConflict(error)) {
        setConflict(getConflict(error));
        return;
      }
      const result = getFormErrors(error, CLAIM_FIELDS);
      setFieldErrors(result.fieldErrors);
      setFormError(result.formError);
    }
  };

  return (
    <form noValidate onSubmit={(event) => void onSubmit(event)}>
      <Stack gap="md">
        {conflict !== null && (
          <ConflictAlert
            conflict={conflict}
            noun="claim"
            reloading={reloading}
            onReload={() => {
              setReloading(true);
              void onReload().finally(() => setReloading(false));
            }}
          />
        )}
        {formError !== null && <ErrorAlert message={formError} title="Could not save the claim" />}
        <Textarea
          label="Claim"
          required
          data-autofocus
          autosize
          minRows={3}
          maxRows={8}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          error={fieldErrors.text}
        />
        <TextInput
          label="Claimant"
          value={claimant}
          onChange={(event) => setClaimant(event.currentTarget.value)}
          error={fieldErrors.claimant}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label="First appearance URL"
            type="url"
            placeholder="https://"
            value={firstAppearanceUrl}
            onChange={(event) => setFirstAppearanceUrl(event.currentTarget.value)}
            error={fieldErrors.firstAppearanceUrl}
          />
          <TextInput
            label="First appeared on"
            type="date"
            value={firstAppearedAt}
            onChange={(event) => setFirstAppearedAt(event.currentTarget.value)}
            error={fieldErrors.firstAppearedAt}
          />
        </SimpleGrid>
        <TagsInput
          label="Topics"
          description="Press Enter or comma after each topic."
          value={topics}
          onChange={setTopics}
          clearable
          splitChars={[',']}
          error={fieldErrors.topics}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label="Priority"
            data={PRIORITY_OPTIONS}
            value={priority}
            onChange={(value) => setPriority((value as Priority | null) ?? 'NORMAL')}
            allowDeselect={false}
            error={fieldErrors.priority}
          />
          <TextInput
            label="Due date"
            type="date"
            value={dueAt}
            onChange={(event) => setDueAt(event.currentTarget.value)}
            error={fieldErrors.dueAt}
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={loading} disabled={conflict !== null}>
            Save changes
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Reject a claim (not check-worthy, or a duplicate); the reason is required and kept. */
export function RejectClaimModal({ claim, opened, onClose, onReload }: ClaimModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title="Reject claim" centered>
      {opened && (
        <RejectClaimForm key={claim.version} claim={claim} onClose={onClose} onReload={onReload} />
      )}
    </Modal>
  );
}

function RejectClaimForm({
  claim,
  onClose,
  onReload,
}: {
  claim: ClaimHeaderFieldsFragment;
  onClose: () => void;
  onReload: () => Promise<unknown>;
}) {
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<ConflictInfo | null>(null);
  const [reloading, setReloading] = useState(false);
  const [rejectClaim, { loading }] = useMutation(rejectClaimMutation, {
    refetchQueries: ['Claim'],
  });

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFormError(null);
    setConflict(null);
    if (reason.trim() === '') {
      setReasonError('Say why: not check-worthy, or a duplicate of which claim.');
      return;
    }
    setReasonError(null);
    try {
      await rejectClaim({
        variables: {
          input: { claimId: claim.id, expectedVersion: claim.version, reason: reason.trim() },
        },
      });
      notifications.show({ color: 'teal', title: 'Claim rejected', message: claim.text });
      onClose();
    } catch (error) {
      if (isVersionConflict(error)) {
        setConflict(getConflict(error));
        return;
      }
      const result = getFormErrors(error, ['reason'] as const);
      setReasonError(result.fieldErrors.reason ?? null);
      setFormError(result.formError);
    }
  };

  return (
    <form noValidate onSubmit={(event) => void onSubmit(event)}>
      <Stack gap="md">
        <Text size="sm">
          A rejected claim leaves the queue of open work. The reason is kept in its history.
        </Text>
        <Textarea
          label="Reason"
          required
          data-autofocus
          autosize
          minRows={2}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          error={reasonError}
        />
        {conflict !== null && (
          <ConflictAlert
            conflict={conflict}
            noun="claim"
            reloading={reloading}
            onReload={() => {
              setReloading(true);
              void onReload().finally(() => setReloading(false));
            }}
          />
        )}
        {formError !== null && <ErrorAlert message={formError} title="Could not reject" />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" color="red" loading={loading}>
            Reject claim
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
