import { useCallback, useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ClaimHeaderFieldsFragment } from '@corroborate/graphql';
import {
  CLAIM_FIELD_NAMES,
  ChangedMeanwhileAlert,
  ClaimFields,
  ConflictAlert,
  ErrorAlert,
  KeptDraftNotice,
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
  useVersionBase,
  useKeepDraft,
  useKeptDraft,
  useKeptText,
  useUnsavedChanges,
} from '@corroborate/web-ui';
import { rejectClaimMutation, updateClaimMutation } from './claim.graphql';
import { rebaseClaimValues } from './claim-rebase';

export interface ClaimModalProps {
  claim: ClaimHeaderFieldsFragment;
  opened: boolean;
  onClose: () => void;
  /** Loads the latest claim from the server (after a conflict). */
  onReload: () => Promise<unknown>;
}

/** The browser-kept reason for rejecting a claim, not yet sent. */
export const keptRejectionForm = (claimId: string) => `reject:${claimId}`;

/** The browser-kept edit of a claim (what was typed, and the claim it started from). */
export const keptClaimEditForm = (claimId: string) => `claim-edit:${claimId}`;
interface KeptClaimEdit {
  values: ClaimFieldValues;
  base: ClaimFieldValues;
}

/** Edit a claim; sends the version it started from, so a concurrent change is never overwritten. */
export function EditClaimModal({ claim, opened, onClose, onReload }: ClaimModalProps) {
  // A new form for every opening; live updates of the claim never remount it (what was typed
  // stays), and the form keeps the version it started from until it is moved onto the latest.
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title="Edit claim"
      centered
      size="lg"
      closeOnClickOutside={false}
    >
      {opened && <EditClaimForm claim={claim} onClose={onClose} onReload={onReload} />}
    </Modal>
  );
}

function claimFieldValues(claim: ClaimHeaderFieldsFragment): ClaimFieldValues {
  return {
    text: claim.text,
    claimant: claim.claimant ?? '',
    firstAppearanceUrl: claim.firstAppearanceUrl ?? '',
    firstAppearedAt: claim.firstAppearedAt !== null ? isoToUtcDate(claim.firstAppearedAt) : '',
    topics: claim.topics,
    priority: claim.priority,
    dueAt: isoToDateInput(claim.dueAt),
  };
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
  // An edit this browser kept (a reload, a crash, the dialog closed with Escape) comes back, moved
  // onto the claim as it is now: fields typed keep their input, the others take the latest.
  const kept = useKeptDraft<KeptClaimEdit>(keptClaimEditForm(claim.id));
  const [restored, setRestored] = useState(kept);
  const [base, setBase] = useState<ClaimFieldValues>(() => claimFieldValues(claim));
  const [values, setValues] = useState<ClaimFieldValues>(() =>
    kept !== null ? rebaseClaimValues(kept.values.values, kept.values.base, base) : base,
  );
  const dirty = JSON.stringify(values) !== JSON.stringify(base);
  useUnsavedChanges('your changes to the claim', dirty);
  const keeping = useKeepDraft<KeptClaimEdit>(keptClaimEditForm(claim.id), { values, base }, dirty);
  const cancel = () => {
    keeping.clear();
    onClose();
  };
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<ClaimFieldName, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<ConflictInfo | null>(null);
  const [reloading, setReloading] = useState(false);
  const [updateClaim, { loading }] = useMutation(updateClaimMutation, {
    refetchQueries: ['Claim'],
  });
  const onRebase = useCallback(() => {
    const latest = claimFieldValues(claim);
    setValues((typed) => rebaseClaimValues(typed, base, latest));
    setBase(latest);
    setConflict(null);
  }, [claim, base]);
  const { baseVersion, changed, requestRebase } = useVersionBase(claim.version, onRebase);

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
            expectedVersion: baseVersion,
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
      keeping.clear();
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
        {conflict !== null ? (
          <ConflictAlert
            conflict={conflict}
            noun="claim"
            keepsInput
            reloading={reloading}
            onReload={() => {
              setReloading(true);
              void requestRebase(onReload).finally(() => setReloading(false));
            }}
          />
        ) : (
          changed && (
            <ChangedMeanwhileAlert
              noun="claim"
              updating={reloading}
              onUpdate={() => {
                setReloading(true);
                void requestRebase(onReload).finally(() => setReloading(false));
              }}
            />
          )
        )}
        {formError !== null && <ErrorAlert message={formError} title="Could not save the claim" />}
        {restored !== null && (
          <KeptDraftNotice
            kept={restored}
            onDiscard={() => {
              keeping.clear();
              setRestored(null);
              setValues(base);
            }}
          />
        )}
        <ClaimFields values={values} onChange={setValues} errors={fieldErrors} />
        <Group justify="flex-end">
          <Button variant="default" onClick={cancel}>
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
    <Modal
      opened={opened}
      onClose={onClose}
      title="Reject claim"
      centered
      closeOnClickOutside={false}
    >
      {opened && <RejectClaimForm claim={claim} onClose={onClose} onReload={onReload} />}
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
  // Kept in this browser until sent or cancelled (a reload, a crash, Escape keep it).
  const {
    text: reason,
    setText: setReason,
    kept,
    clear,
    discard,
  } = useKeptText(keptRejectionForm(claim.id));
  useUnsavedChanges('the reason for rejecting the claim', reason.trim() !== '');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<ConflictInfo | null>(null);
  const [reloading, setReloading] = useState(false);
  const [rejectClaim, { loading }] = useMutation(rejectClaimMutation, {
    refetchQueries: ['Claim'],
  });
  const clearConflict = useCallback(() => setConflict(null), []);
  const { baseVersion, changed, requestRebase } = useVersionBase(claim.version, clearConflict);
  const loadLatest = () => {
    setReloading(true);
    void requestRebase(onReload).finally(() => setReloading(false));
  };

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
          input: { claimId: claim.id, expectedVersion: baseVersion, reason: reason.trim() },
        },
      });
      clear();
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
          A rejected claim leaves the queue of open work for good: a rejection cannot be undone. The
          reason is kept in its history.
        </Text>
        {kept !== null && <KeptDraftNotice kept={kept} onDiscard={discard} />}
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
        {conflict !== null ? (
          <ConflictAlert
            conflict={conflict}
            noun="claim"
            keepsInput
            reloading={reloading}
            onReload={loadLatest}
          />
        ) : (
          changed && (
            <ChangedMeanwhileAlert noun="claim" updating={reloading} onUpdate={loadLatest} />
          )
        )}
        {formError !== null && <ErrorAlert message={formError} title="Could not reject" />}
        <Group justify="flex-end">
          <Button
            variant="default"
            onClick={() => {
              clear();
              onClose();
            }}
          >
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
