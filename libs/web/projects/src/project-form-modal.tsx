import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { Button, Group, Modal, NumberInput, Stack, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ProjectFieldsFragment } from '@corroborate/graphql';
import { ErrorAlert, getFormErrors } from '@corroborate/web-ui';
import { createProjectMutation, projectsQuery, updateProjectMutation } from './projects.graphql';

export const DEFAULT_REQUIRED_REVIEWS = 2;
export const MIN_REQUIRED_REVIEWS = 1;
export const MAX_REQUIRED_REVIEWS = 10;
const MAX_NAME_LENGTH = 200;
const MAX_DESCRIPTION_LENGTH = 5000;

type ProjectField = 'name' | 'description' | 'requiredReviews';
const PROJECT_FIELDS: readonly ProjectField[] = ['name', 'description', 'requiredReviews'];

export interface ProjectFormModalProps {
  opened: boolean;
  onClose: () => void;
  /** The project to edit; omit to create a new one. */
  project?: ProjectFieldsFragment;
  /** Called with the saved project (e.g. to open a new project's page). */
  onSaved?: (project: ProjectFieldsFragment) => void;
}

/** Create or edit a project. Mounted only while open, so every opening starts fresh. */
export function ProjectFormModal({ opened, onClose, project, onSaved }: ProjectFormModalProps) {
  return (
    <Modal
      closeOnClickOutside={false}
      opened={opened}
      onClose={onClose}
      title={project === undefined ? 'New project' : 'Edit project'}
      centered
      size="lg"
    >
      {opened && <ProjectForm project={project} onClose={onClose} onSaved={onSaved} />}
    </Modal>
  );
}

function ProjectForm({
  project,
  onClose,
  onSaved,
}: {
  project?: ProjectFieldsFragment;
  onClose: () => void;
  onSaved?: (project: ProjectFieldsFragment) => void;
}) {
  const [name, setName] = useState(project?.name ?? '');
  const [description, setDescription] = useState(project?.description ?? '');
  const [requiredReviews, setRequiredReviews] = useState<string | number>(
    project?.requiredReviews ?? DEFAULT_REQUIRED_REVIEWS,
  );
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<ProjectField, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);

  const [createProject, createState] = useMutation(createProjectMutation, {
    refetchQueries: [{ query: projectsQuery }],
    awaitRefetchQueries: true,
  });
  const [updateProject, updateState] = useMutation(updateProjectMutation);
  const saving = createState.loading || updateState.loading;

  const validate = (): Partial<Record<ProjectField, string>> => {
    const errors: Partial<Record<ProjectField, string>> = {};
    if (name.trim() === '') errors.name = 'Give the project a name.';
    else if (name.trim().length > MAX_NAME_LENGTH) {
      errors.name = `Use at most ${MAX_NAME_LENGTH} characters.`;
    }
    if (description.length > MAX_DESCRIPTION_LENGTH) {
      errors.description = `Use at most ${MAX_DESCRIPTION_LENGTH} characters.`;
    }
    if (
      typeof requiredReviews !== 'number' ||
      !Number.isInteger(requiredReviews) ||
      requiredReviews < MIN_REQUIRED_REVIEWS ||
      requiredReviews > MAX_REQUIRED_REVIEWS
    ) {
      errors.requiredReviews = `Enter a whole number from ${MIN_REQUIRED_REVIEWS} to ${MAX_REQUIRED_REVIEWS}.`;
    }
    return errors;
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const errors = validate();
    setFieldErrors(errors);
    setFormError(null);
    if (Object.keys(errors).length > 0 || typeof requiredReviews !== 'number') return;
    const trimmedDescription = description.trim();
    try {
      let saved: ProjectFieldsFragment | undefined;
      if (project === undefined) {
        const result = await createProject({
          variables: {
            input: {
              name: name.trim(),
              description: trimmedDescription === '' ? null : trimmedDescription,
              requiredReviews,
            },
          },
        });
        saved = result.data?.createProject;
      } else {
        const result = await updateProject({
          variables: {
            input: {
              projectId: project.id,
              name: name.trim(),
              description: trimmedDescription,
              requiredReviews,
            },
          },
        });
        saved = result.data?.updateProject;
      }
      if (saved === undefined) return;
      notifications.show({
        color: 'teal',
        title: project === undefined ? 'Project created' : 'Project saved',
        message: saved.name,
      });
      onClose();
      onSaved?.(saved);
    } catch (error) {
      const result = getFormErrors(error, PROJECT_FIELDS);
      setFieldErrors(result.fieldErrors);
      setFormError(result.formError);
    }
  };

  return (
    <form noValidate onSubmit={(event) => void onSubmit(event)}>
      <Stack gap="md">
        {formError !== null && (
          <ErrorAlert
            message={formError}
            title={project === undefined ? 'Could not create the project' : 'Could not save'}
          />
        )}
        <TextInput
          label="Name"
          description='E.g. "Belarus 2020 election".'
          required
          data-autofocus
          maxLength={MAX_NAME_LENGTH}
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={fieldErrors.name}
        />
        <Textarea
          label="Description"
          description="Optional. What the investigation covers and who it is for."
          autosize
          minRows={3}
          maxRows={10}
          maxLength={MAX_DESCRIPTION_LENGTH}
          value={description}
          onChange={(event) => setDescription(event.currentTarget.value)}
          error={fieldErrors.description}
        />
        <NumberInput
          label="Required reviews"
          description={`How many independent reviews a claim needs before adjudication (${MIN_REQUIRED_REVIEWS}–${MAX_REQUIRED_REVIEWS}).`}
          required
          min={MIN_REQUIRED_REVIEWS}
          max={MAX_REQUIRED_REVIEWS}
          allowDecimal={false}
          allowNegative={false}
          clampBehavior="strict"
          value={requiredReviews}
          onChange={setRequiredReviews}
          error={fieldErrors.requiredReviews}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={saving}>
            {project === undefined ? 'Create project' : 'Save changes'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
