import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { Button, Group, Modal, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Reliability, SourceFieldsFragment, SourceKind } from '@corroborate/graphql';
import {
  ConflictAlert,
  ErrorAlert,
  RELIABILITY_LABELS,
  RELIABILITY_OPTIONS,
  SOURCE_KIND_OPTIONS,
  getConflict,
  getFormErrors,
  isHttpUrl,
  isVersionConflict,
  type ConflictInfo,
  useEditedSince,
  useUnsavedChanges,
} from '@corroborate/web-ui';
import {
  createSourceMutation,
  regradeSourceMutation,
  updateSourceMutation,
} from './sources.graphql';

type SourceField = 'name' | 'kind' | 'homepage' | 'reliability' | 'reliabilityNote' | 'reason';
const SOURCE_FIELDS: readonly SourceField[] = [
  'name',
  'kind',
  'homepage',
  'reliability',
  'reliabilityNote',
  'reason',
];
const HTTP_URL_MESSAGE = 'Enter a full web address starting with http:// or https://.';

export interface SourceFormModalProps {
  opened: boolean;
  onClose: () => void;
  /** The source to edit (name, kind, homepage); omit to create one. */
  source?: SourceFieldsFragment;
  onSaved?: (source: SourceFieldsFragment) => void;
  onReload?: () => Promise<unknown>;
}

/** Create a source (with its grade) or correct its name, kind and homepage. */
export function SourceFormModal({
  opened,
  onClose,
  source,
  onSaved,
  onReload,
}: SourceFormModalProps) {
  return (
    <Modal
      closeOnClickOutside={false}
      opened={opened}
      onClose={onClose}
      title={source === undefined ? 'New source' : 'Edit source'}
      centered
      size="lg"
    >
      {opened && (
        <SourceForm
          key={source?.version}
          source={source}
          onClose={onClose}
          onSaved={onSaved}
          onReload={onReload}
        />
      )}
    </Modal>
  );
}

function SourceForm({
  source,
  onClose,
  onSaved,
  onReload,
}: {
  source?: SourceFieldsFragment;
  onClose: () => void;
  onSaved?: (source: SourceFieldsFragment) => void;
  onReload?: () => Promise<unknown>;
}) {
  const [name, setName] = useState(source?.name ?? '');
  const [kind, setKind] = useState<SourceKind | null>(source?.kind ?? null);
  const [homepage, setHomepage] = useState(source?.homepage ?? '');
  const [reliability, setReliability] = useState<Reliability | null>(null);
  const [reliabilityNote, setReliabilityNote] = useState('');
  const { dirty } = useEditedSince([
    name.trim(),
    kind,
    homepage.trim(),
    reliability,
    reliabilityNote.trim(),
  ]);
  const saved = useUnsavedChanges(
    source === undefined ? 'the new source you are adding' : 'your changes to the source',
    dirty,
  );
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<SourceField, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<ConflictInfo | null>(null);
  const [reloading, setReloading] = useState(false);
  const [createSource, createState] = useMutation(createSourceMutation, {
    refetchQueries: ['Sources'],
  });
  const [updateSource, updateState] = useMutation(updateSourceMutation, {
    refetchQueries: ['Source'],
  });

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const errors: Partial<Record<SourceField, string>> = {};
    if (name.trim() === '') errors.name = 'Enter the source name.';
    if (kind === null) errors.kind = 'Choose what kind of source this is.';
    if (homepage.trim() !== '' && !isHttpUrl(homepage.trim())) errors.homepage = HTTP_URL_MESSAGE;
    if (source === undefined && reliability === null) errors.reliability = 'Grade the source A–F.';
    setFieldErrors(errors);
    setFormError(null);
    setConflict(null);
    if (Object.keys(errors).length > 0 || kind === null) return;
    const trimmedHomepage = homepage.trim() === '' ? null : homepage.trim();
    try {
      let stored: SourceFieldsFragment | undefined;
      if (source === undefined) {
        const result = await createSource({
          variables: {
            input: {
              name: name.trim(),
              kind,
              homepage: trimmedHomepage,
              reliability: reliability ?? 'F',
              reliabilityNote: reliabilityNote.trim() === '' ? null : reliabilityNote.trim(),
            },
          },
        });
        stored = result.data?.createSource;
      } else {
        const result = await updateSource({
          variables: {
            input: {
              sourceId: source.id,
              expectedVersion: source.version,
              name: name.trim(),
              kind,
              homepage: trimmedHomepage ?? '',
            },
          },
        });
        stored = result.data?.updateSource;
      }
      if (stored === undefined) return;
      notifications.show({
        color: 'teal',
        title: source === undefined ? 'Source added' : 'Source saved',
        message: stored.name,
      });
      saved();
      onClose();
      onSaved?.(stored);
    } catch (error) {
      if (isVersionConflict(error)) {
        setConflict(getConflict(error));
        return;
      }
      const result = getFormErrors(error, SOURCE_FIELDS);
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
            noun="source"
            reloading={reloading}
            onReload={() => {
              setReloading(true);
              void (onReload?.() ?? Promise.resolve()).finally(() => setReloading(false));
            }}
          />
        )}
        {formError !== null && (
          <ErrorAlert
            message={formError}
            title={source === undefined ? 'Could not add the source' : 'Could not save'}
          />
        )}
        <TextInput
          label="Name"
          description='E.g. "UN Human Rights Office" or "Viasna".'
          required
          data-autofocus
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={fieldErrors.name}
        />
        <Select
          label="Kind"
          required
          data={SOURCE_KIND_OPTIONS}
          value={kind}
          onChange={(value) => setKind(value as SourceKind | null)}
          error={fieldErrors.kind}
        />
        <TextInput
          label="Homepage"
          type="url"
          placeholder="https://"
          value={homepage}
          onChange={(event) => setHomepage(event.currentTarget.value)}
          error={fieldErrors.homepage}
        />
        {source === undefined && (
          <>
            <Select
              label="Reliability"
              description="Admiralty grade of the source: A completely reliable … F cannot be judged."
              required
              data={RELIABILITY_OPTIONS}
              value={reliability}
              onChange={(value) => setReliability(value as Reliability | null)}
              error={fieldErrors.reliability}
            />
            <Textarea
              label="Reliability note"
              description="Why this grade, e.g. track record, independence, access."
              autosize
              minRows={2}
              value={reliabilityNote}
              onChange={(event) => setReliabilityNote(event.currentTarget.value)}
              error={fieldErrors.reliabilityNote}
            />
          </>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            type="submit"
            loading={createState.loading || updateState.loading}
            disabled={conflict !== null}
          >
            {source === undefined ? 'Add source' : 'Save changes'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export interface RegradeSourceModalProps {
  opened: boolean;
  onClose: () => void;
  source: SourceFieldsFragment;
  onReload: () => Promise<unknown>;
}

/** Change a source's reliability grade; a reason is required and kept in the history. */
export function RegradeSourceModal({ opened, onClose, source, onReload }: RegradeSourceModalProps) {
  return (
    <Modal
      closeOnClickOutside={false}
      opened={opened}
      onClose={onClose}
      title="Regrade source"
      centered
    >
      {opened && (
        <RegradeForm key={source.version} source={source} onClose={onClose} onReload={onReload} />
      )}
    </Modal>
  );
}

function RegradeForm({
  source,
  onClose,
  onReload,
}: {
  source: SourceFieldsFragment;
  onClose: () => void;
  onReload: () => Promise<unknown>;
}) {
  const [reliability, setReliability] = useState<Reliability | null>(source.reliability);
  const [reliabilityNote, setReliabilityNote] = useState(source.reliabilityNote ?? '');
  const [reason, setReason] = useState('');
  const { dirty } = useEditedSince([reliability, reliabilityNote.trim(), reason.trim()]);
  useUnsavedChanges('the regrading of the source', dirty);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<SourceField, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<ConflictInfo | null>(null);
  const [reloading, setReloading] = useState(false);
  const [regrade, { loading }] = useMutation(regradeSourceMutation, {
    refetchQueries: ['Source'],
  });

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const errors: Partial<Record<SourceField, string>> = {};
    if (reliability === null) errors.reliability = 'Choose the new grade.';
    if (reason.trim() === '')
      errors.reason = 'Say why the grade changes; it is kept in the history.';
    setFieldErrors(errors);
    setFormError(null);
    setConflict(null);
    if (Object.keys(errors).length > 0 || reliability === null) return;
    try {
      await regrade({
        variables: {
          input: {
            sourceId: source.id,
            expectedVersion: source.version,
            reliability,
            reliabilityNote: reliabilityNote.trim() === '' ? null : reliabilityNote.trim(),
            reason: reason.trim(),
          },
        },
      });
      notifications.show({
        color: 'teal',
        title: 'Source regraded',
        message: `${source.name}: ${reliability} — ${RELIABILITY_LABELS[reliability]}`,
      });
      onClose();
    } catch (error) {
      if (isVersionConflict(error)) {
        setConflict(getConflict(error));
        return;
      }
      const result = getFormErrors(error, SOURCE_FIELDS);
      setFieldErrors(result.fieldErrors);
      setFormError(result.formError);
    }
  };

  return (
    <form noValidate onSubmit={(event) => void onSubmit(event)}>
      <Stack gap="md">
        <Text size="sm">
          Currently {source.reliability} — {RELIABILITY_LABELS[source.reliability]}. The new grade
          applies to every evidence item from this source.
        </Text>
        {conflict !== null && (
          <ConflictAlert
            conflict={conflict}
            noun="source"
            reloading={reloading}
            onReload={() => {
              setReloading(true);
              void onReload().finally(() => setReloading(false));
            }}
          />
        )}
        {formError !== null && <ErrorAlert message={formError} title="Could not regrade" />}
        <Select
          label="Reliability"
          required
          data={RELIABILITY_OPTIONS}
          value={reliability}
          onChange={(value) => setReliability(value as Reliability | null)}
          allowDeselect={false}
          error={fieldErrors.reliability}
        />
        <Textarea
          label="Reliability note"
          autosize
          minRows={2}
          value={reliabilityNote}
          onChange={(event) => setReliabilityNote(event.currentTarget.value)}
          error={fieldErrors.reliabilityNote}
        />
        <Textarea
          label="Reason for the change"
          required
          data-autofocus
          autosize
          minRows={2}
          value={reason}
          onChange={(event) => setReason(event.currentTarget.value)}
          error={fieldErrors.reason}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={loading} disabled={conflict !== null}>
            Regrade
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
