import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { Button, Group, MultiSelect, Stack, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ClaimQuery } from '@corroborate/graphql';
import { ErrorAlert, dateInputToLocalIso, getFormErrors } from '@corroborate/web-ui';
import { assignReviewersMutation, reviewersQuery } from './review.graphql';

type Claim = ClaimQuery['claim'];

/** Assign one or more reviewers to the claim, with an optional due date. */
export function AssignReviewersForm({ claim }: { claim: Claim }) {
  const reviewers = useQuery(reviewersQuery);
  const [chosen, setChosen] = useState<string[]>([]);
  const [dueAt, setDueAt] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<'reviewerIds' | 'dueAt', string>>>(
    {},
  );
  const [formError, setFormError] = useState<string | null>(null);
  const [assign, { loading }] = useMutation(assignReviewersMutation, {
    refetchQueries: ['Claim'],
    awaitRefetchQueries: true,
  });

  // A reviewer who has (or had) the claim never gets it again; the server refuses it anyway.
  const taken = new Set(claim.assignments.map((a) => a.reviewer.id));
  const options = (reviewers.data?.reviewers ?? [])
    .filter((r) => !taken.has(r.id))
    .map((r) => ({ value: r.id, label: r.displayName }));

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFormError(null);
    if (chosen.length === 0) {
      setFieldErrors({ reviewerIds: 'Choose at least one reviewer.' });
      return;
    }
    setFieldErrors({});
    try {
      await assign({
        variables: {
          input: {
            claimIds: [claim.id],
            reviewerIds: chosen,
            dueAt: dateInputToLocalIso(dueAt, 'end'),
          },
        },
      });
      notifications.show({
        color: 'teal',
        title: chosen.length === 1 ? 'Reviewer assigned' : 'Reviewers assigned',
        message: options
          .filter((o) => chosen.includes(o.value))
          .map((o) => o.label)
          .join(', '),
      });
      setChosen([]);
      setDueAt('');
    } catch (error) {
      const result = getFormErrors(error, ['reviewerIds', 'dueAt'] as const);
      setFieldErrors(result.fieldErrors);
      setFormError(result.formError);
    }
  };

  if (reviewers.error !== undefined) {
    return (
      <ErrorAlert
        error={reviewers.error}
        title="Could not load the reviewers"
        onRetry={() => void reviewers.refetch()}
      />
    );
  }
  return (
    <form noValidate onSubmit={(event) => void onSubmit(event)}>
      <Stack gap="xs" mt="sm">
        {formError !== null && <ErrorAlert message={formError} title="Could not assign" />}
        <MultiSelect
          label="Reviewers to assign"
          placeholder={options.length === 0 ? 'No other reviewers available' : 'Choose reviewers'}
          data={options}
          value={chosen}
          onChange={setChosen}
          searchable
          nothingFoundMessage="No reviewer matches"
          error={fieldErrors.reviewerIds}
        />
        <TextInput
          label="Due date"
          type="date"
          value={dueAt}
          onChange={(event) => setDueAt(event.currentTarget.value)}
          error={fieldErrors.dueAt}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={loading} disabled={options.length === 0}>
            Assign
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
