import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import {
  Button,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  TextInput,
  Textarea,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Priority, QueueClaimFieldsFragment } from '@corroborate/graphql';
import {
  ErrorAlert,
  PRIORITY_OPTIONS,
  dateInputToIso,
  dateInputToLocalIso,
  getFormErrors,
  isHttpUrl,
} from '@corroborate/web-ui';
import { createClaimMutation, queueProjectsQuery } from './queue.graphql';

const MAX_TEXT_LENGTH = 5000;
const MAX_TOPICS = 20;

type ClaimField =
  | 'projectId'
  | 'text'
  | 'claimant'
  | 'firstAppearanceUrl'
  | 'firstAppearedAt'
  | 'topics'
  | 'priority'
  | 'dueAt';
const CLAIM_FIELDS: readonly ClaimField[] = [
  'projectId',
  'text',
  'claimant',
  'firstAppearanceUrl',
  'firstAppearedAt',
  'topics',
  'priority',
  'dueAt',
];

export interface CreateClaimModalProps {
  opened: boolean;
  onClose: () => void;
  /** Preselected project, e.g. the queue's project filter. */
  defaultProjectId?: string | null;
  onCreated?: (claim: QueueClaimFieldsFragment) => void;
}

/** Take in one claim by hand. Mounted only while open, so every opening starts fresh. */
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
  const [projectId, setProjectId] = useState<string | null>(defaultProjectId);
  const [text, setText] = useState('');
  const [claimant, setClaimant] = useState('');
  const [firstAppearanceUrl, setFirstAppearanceUrl] = useState('');
  const [firstAppearedAt, setFirstAppearedAt] = useState('');
  const [topics, setTopics] = useState<string[]>([]);
  const [priority, setPriority] = useState<Priority>('NORMAL');
  const [dueAt, setDueAt] = useState('');
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
    const errors: Partial<Record<ClaimField, string>> = {};
    if (projectId === null) errors.projectId = 'Choose the project this claim belongs to.';
    if (text.trim() === '') errors.text = 'Enter the claim as it was made.';
    else if (text.length > MAX_TEXT_LENGTH) {
      errors.text = `Use at most ${MAX_TEXT_LENGTH} characters.`;
    }
    if (firstAppearanceUrl.trim() !== '' && !isHttpUrl(firstAppearanceUrl.trim())) {
      errors.firstAppearanceUrl = 'Enter a full web address starting with http:// or https://.';
    }
    if (topics.length > MAX_TOPICS) errors.topics = `Use at most ${MAX_TOPICS} topics.`;
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
            text: text.trim(),
            claimant: claimant.trim() === '' ? null : claimant.trim(),
            firstAppearanceUrl: firstAppearanceUrl.trim() === '' ? null : firstAppearanceUrl.trim(),
            firstAppearedAt: dateInputToIso(firstAppearedAt),
            topics,
            priority,
            dueAt: dateInputToLocalIso(dueAt, 'end'),
          },
        },
      });
      const claim = result.data?.createClaim;
      if (claim === undefined) return;
      notifications.show({ color: 'teal', title: 'Claim created', message: claim.text });
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
        <Textarea
          label="Claim"
          description="The statement as it was made, word for word where possible."
          required
          data-autofocus
          autosize
          minRows={3}
          maxRows={8}
          maxLength={MAX_TEXT_LENGTH}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          error={fieldErrors.text}
        />
        <TextInput
          label="Claimant"
          description="Who made the claim, e.g. a ministry, an agency or a person."
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
          maxTags={MAX_TOPICS}
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
          <Button type="submit" loading={loading}>
            Create claim
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
