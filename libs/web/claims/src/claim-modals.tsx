import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ClaimHeaderFieldsFragment } from '@corroborate/graphql';
import {
  CLAIM_FIELD_NAMES,
  ClaimFields,
  ConflictAlert,
  ErrorAlert,
  dateInputToIso,
  dateInputToLocalIso,
  getConflict,
  getFormErrors,
  isVersionConflict,
  validateClaimFields,
  type ClaimFieldName,
  type ClaimFieldValues,
  isoToDateInput,
  isoToUtcDate,
  type ConflictInfo,
} from '@corroborate/web-ui';
import { rejectClaimMutation, updateClaimMutation } from './claim.graphql';

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
  const [values, setValues] = useState<ClaimFieldValues>({
    text: claim.text,
    claimant: claim.claimant ?? '',
    firstAppearanceUrl: claim.firstAppearanceUrl ?? '',
    firstAppearedAt: claim.firstAppearedAt !== null ? isoToUtcDate(claim.firstAppearedAt) : '',
    topics: claim.topics,
    priority: claim.priority,
    dueAt: isoToDateInput(claim.dueAt),
  });
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<ClaimFieldName, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<ConflictInfo | null>(null);
  const [reloading, setReloading] = useState(false);
  const [updateClaim, { loading }] = useMutation(updateClaimMutation, {
    refetchQueries: ['Claim'],
  });

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const errors = validateClaimFields(values);
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
            text: values.text.trim(),
            // null clears an optional field; an empty string would be refused as a URL.
            claimant: values.claimant.trim() || null,
            firstAppearanceUrl: values.firstAppearanceUrl.trim() || null,
            firstAppearedAt: dateInputToIso(values.firstAppearedAt),
            topics: values.topics,
            priority: values.priority,
            dueAt: dateInputToLocalIso(values.dueAt, 'end'),
          },
        },
      });
      notifications.show({ color: 'teal', title: 'Claim saved', message: values.text.trim() });
      onClose();
    } catch (error) {
      if (isVersionConflict(error)) {
        setConflict(getConflict(error));
        return;
      }
      const result = getFormErrors(error, CLAIM_FIELD_NAMES);
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
        <ClaimFields values={values} onChange={setValues} errors={fieldErrors} />
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
