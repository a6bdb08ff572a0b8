import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { OrganisationQuery } from '@corroborate/graphql';
import {
  DateTimeText,
  ErrorAlert,
  getFormErrors,
  isVersionConflict,
  PageHeader,
  TableSkeleton,
  useEditedSince,
  useUnsavedChanges,
} from '@corroborate/web-ui';
import { organisationQuery, updateOrganisationMutation } from './organisation.graphql';

type OrgField = 'name' | 'url' | 'logoUrl' | 'license';
const ORG_FIELDS: readonly OrgField[] = ['name', 'url', 'logoUrl', 'license'];
const MAX_NAME = 200;
const MAX_URL = 2048;

/** Why a URL field's value is not accepted, or null (empty is fine: the field is optional). */
export function urlProblem(value: string): string | null {
  const trimmed = value.trim();
  if (trimmed === '') return null;
  if (trimmed.length > MAX_URL) return `Use at most ${MAX_URL} characters.`;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return 'Enter a full address starting with https:// or http://.';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return `Only http:// and https:// addresses are allowed, not ${url.protocol}`;
  return null;
}

export function OrganisationPage() {
  const { data, error, loading, refetch } = useQuery(organisationQuery);
  return (
    <>
      <PageHeader
        title="Organisation"
        description="Who publishes your exports: the name, web address and logo shown as the author of every ClaimReview, and the licence of exported data."
      />
      {data === undefined && error === undefined && <TableSkeleton label="Loading settings…" />}
      {error !== undefined && (
        <ErrorAlert
          error={error}
          title="Could not load the organisation settings"
          onRetry={() => void refetch()}
          retrying={loading}
        />
      )}
      {data !== undefined && (
        <OrganisationForm key={data.organisation.version} organisation={data.organisation} />
      )}
    </>
  );
}

function OrganisationForm({ organisation }: { organisation: OrganisationQuery['organisation'] }) {
  const [name, setName] = useState(organisation.name);
  const [url, setUrl] = useState(organisation.url ?? '');
  const [logoUrl, setLogoUrl] = useState(organisation.logoUrl ?? '');
  const [license, setLicense] = useState(organisation.license ?? '');
  const { dirty } = useEditedSince([name, url, logoUrl, license].map((v) => v.trim()));
  useUnsavedChanges('your changes to the organisation settings', dirty);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<OrgField, string>>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [save, { loading }] = useMutation(updateOrganisationMutation, {
    refetchQueries: [{ query: organisationQuery }],
    awaitRefetchQueries: true,
  });

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const errors: Partial<Record<OrgField, string>> = {};
    if (name.trim() === '') errors.name = 'Enter the organisation’s name.';
    for (const [field, value] of [
      ['url', url],
      ['logoUrl', logoUrl],
      ['license', license],
    ] as const) {
      const problem = urlProblem(value);
      if (problem !== null) errors[field] = problem;
    }
    setFieldErrors(errors);
    setFormError(null);
    if (Object.keys(errors).length > 0) return;
    const orNull = (v: string) => (v.trim() === '' ? null : v.trim());
    try {
      await save({
        variables: {
          input: {
            expectedVersion: organisation.version,
            name: name.trim(),
            url: orNull(url),
            logoUrl: orNull(logoUrl),
            license: orNull(license),
          },
        },
      });
      notifications.show({
        color: 'teal',
        title: 'Settings saved',
        message: 'New exports name the organisation this way.',
      });
    } catch (err) {
      if (isVersionConflict(err)) {
        setFormError(
          'Someone else changed these settings while you were editing. Reload the page to see their version.',
        );
        return;
      }
      const result = getFormErrors(err, ORG_FIELDS);
      setFieldErrors(result.fieldErrors);
      setFormError(result.formError);
    }
  };

  return (
    <Paper withBorder radius="md" p="lg" maw={720}>
      <form
        noValidate
        onSubmit={(event) => void onSubmit(event)}
        aria-label="Organisation settings"
      >
        <Stack gap="md">
          {formError !== null && <ErrorAlert message={formError} title="Could not save" />}
          <TextInput
            label="Name"
            description="The author of every exported ClaimReview."
            required
            maxLength={MAX_NAME}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={fieldErrors.name}
          />
          <TextInput
            label="Web address"
            description="Your organisation’s home page, e.g. https://factcheck.example.org/"
            type="url"
            maxLength={MAX_URL}
            value={url}
            onChange={(e) => setUrl(e.currentTarget.value)}
            error={fieldErrors.url}
          />
          <TextInput
            label="Logo address"
            description="A web address of your logo image (used by search engines)."
            type="url"
            maxLength={MAX_URL}
            value={logoUrl}
            onChange={(e) => setLogoUrl(e.currentTarget.value)}
            error={fieldErrors.logoUrl}
          />
          <TextInput
            label="Licence of exported data"
            description="The address of the licence, e.g. https://creativecommons.org/licenses/by/4.0/"
            type="url"
            maxLength={MAX_URL}
            value={license}
            onChange={(e) => setLicense(e.currentTarget.value)}
            error={fieldErrors.license}
          />
          <Group justify="space-between">
            <Text size="sm" c="dimmed">
              {organisation.updatedAt ? (
                <>
                  Last saved <DateTimeText value={organisation.updatedAt} />
                </>
              ) : (
                'Not saved yet: exports use the name “Corroborate”.'
              )}
            </Text>
            <Button type="submit" loading={loading}>
              Save settings
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
