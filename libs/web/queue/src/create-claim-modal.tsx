import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Group, Modal, Select, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { QueueClaimFieldsFragment } from '@corroborate/graphql';
import {
  CLAIM_FIELD_NAMES,
  ClaimFields,
  EMPTY_CLAIM_FIELDS,
  ErrorAlert,
  dateInputToIso,
  dateInputToLocalIso,
  getFormErrors,
  validateClaimFields,
  type ClaimFieldName,
  type ClaimFieldValues,
  KeptDraftNotice,
  useKeepDraft,
  useKeptDraft,
  useUnsavedChanges,
} from '@corroborate/web-ui';
import { DuplicateSuggestions } from '@corroborate/web-intake';
import { createClaimMutation, queueProjectsQuery } from './queue.graphql';

type ClaimField = 'projectId' | ClaimFieldName;
const CLAIM_FIELDS: readonly ClaimField[] = ['projectId', ...CLAIM_FIELD_NAMES];

export interface CreateClaimModalProps {
  opened: boolean;
  onClose: () => void;
  /** Preselected project, e.g. the queue's project filter. */
  defaultProjectId?: string | null;
  onCreated?: (claim: QueueClaimFieldsFragment) => void;
}

/**
 * Take in one claim by hand. Mounted only while open: every opening starts fresh, or from what
 * this browser kept of a claim typed and not created (a crash, a closed tab, Escape by mistake).
 */
export function CreateClaimModal({
  opened,
  onClose,
  defaultProjectId,
  onCreated,
}: CreateClaimModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title="New claim" centered size="lg">
      {opened && (
        <CreateClaimForm
          defaultProjectId={defaultProjectId ?? null}
          onClose={onClose}
          onCreated={onCreated}
        />
      )}
    </Modal>
  );
}

function CreateClaimForm({
  defaultProjectId,
  onClose,
  onCreated,
}: {
  defaultProjectId: string | null;
  onClose: () => void;
  onCreated?: (claim: QueueClaimFieldsFragment) => void;
}) {
  const projects = useQuery(queueProjectsQuery);
  const kept = useKeptDraft<{ projectId: string | null; values: ClaimFieldValues }>('new-claim');
  const [restored, setRestored] = useState(kept);
  const [projectId, setProjectId] = useState<string | null>(
    kept?.values.projectId ?? defaultProjectId,
  );
  const [values, setValues] = useState<ClaimFieldValues>(() => ({
    ...EMPTY_CLAIM_FIELDS,
    ...kept?.values.values,
  }));
  const dirty = JSON.stringify(values) !== JSON.stringify(EMPTY_CLAIM_FIELDS);
  const saved = useUnsavedChanges('the new claim you are writing', dirty);
  const keeping = useKeepDraft('new-claim', { projectId, values }, dirty);
  const startAfresh = () => {
    keeping.clear();
    setRestored(null);
    setValues(EMPTY_CLAIM_FIELDS);
    setProjectId(defaultProjectId);
  };
  /** "Cancel" means the claim is not wanted: nothing of it is kept. */
  const cancel = () => {
    keeping.clear();
    onClose();
  };
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<ClaimField, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [createClaim, { loading }] = useMutation(createClaimMutation, {
    refetchQueries: ['QueueClaims'],
  });

  const projectOptions = (projects.data?.projects ?? []).map((project) => ({
    value: project.id,
    label: project.name,
  }));

  const validate = () => {
    const errors: Partial<Record<ClaimField, string>> = validateClaimFields(values);
    if (projectId === null) errors.projectId = 'Choose the project this claim belongs to.';
    return errors;
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const errors = validate();
    setFieldErrors(errors);
    setFormError(null);
    if (Object.keys(errors).length > 0 || projectId === null) return;
    try {
      const result = await createClaim({
        variables: {
          input: {
            projectId,
            text: values.text.trim(),
            claimant: values.claimant.trim() === '' ? null : values.claimant.trim(),
            firstAppearanceUrl:
              values.firstAppearanceUrl.trim() === '' ? null : values.firstAppearanceUrl.trim(),
            firstAppearedAt: dateInputToIso(values.firstAppearedAt),
            topics: values.topics,
            priority: values.priority,
            dueAt: dateInputToLocalIso(values.dueAt, 'end'),
          },
        },
      });
      const claim = result.data?.createClaim;
      if (claim === undefined) return;
      notifications.show({ color: 'teal', title: 'Claim created', message: claim.text });
      keeping.clear();
      saved();
      onClose();
      onCreated?.(claim);
    } catch (error) {
      const result = getFormErrors(error, CLAIM_FIELDS);
      setFieldErrors(result.fieldErrors);
      setFormError(result.formError);
    }
  };

  return (
    <form noValidate onSubmit={(event) => void onSubmit(event)}>
      <Stack gap="md">
        {formError !== null && (
          <ErrorAlert message={formError} title="Could not create the claim" />
        )}
        {restored !== null && <KeptDraftNotice kept={restored} onDiscard={startAfresh} />}
        {projects.error !== undefined && (
          <ErrorAlert
            error={projects.error}
            title="Could not load projects"
            onRetry={() => void projects.refetch()}
          />
        )}
        <Select
          label="Project"
          required
          data={projectOptions}
          value={projectId}
          onChange={setProjectId}
          searchable
          nothingFoundMessage="No project matches"
          placeholder={projects.loading ? 'Loading projects…' : 'Choose a project'}
          error={fieldErrors.projectId}
        />
        <ClaimFields values={values} onChange={setValues} errors={fieldErrors} />
        <DuplicateSuggestions projectId={projectId} text={values.text} />
        <Group justify="flex-end">
          <Button variant="default" onClick={cancel}>
            Cancel
          </Button>
          <Button type="submit" loading={loading}>
            Create claim
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
