import { useEffect, useState, type FormEvent } from 'react';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import {
  Alert,
  Button,
  Group,
  Modal,
  MultiSelect,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import {
  graphql,
  type AutoAssignCandidatesQuery,
  type AutoAssignMutation,
  type ClaimFilter,
} from '@corroborate/graphql';
import { ErrorAlert, dateInputToLocalIso, describeError, getFormErrors } from '@corroborate/web-ui';

/** The most claims one auto-assign call takes (the API's limit). */
export const AUTO_ASSIGN_LIMIT = 500;

// The count is asked with the first page only: on a large project counting the claims that still
// need reviewers is most of the query's time, and the later pages do not change it.
const candidatesQuery = graphql(`
  query AutoAssignCandidates($filter: ClaimFilter, $after: String, $withCount: Boolean!) {
    claims(filter: $filter, first: 200, after: $after) {
      edges {
        node {
          id
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      totalCount @include(if: $withCount)
    }
  }
`);

const assignableReviewersQuery = graphql(`
  query AssignableReviewers {
    reviewers {
      id
      displayName
      openAssignmentCount
    }
  }
`);

/** Active reviewers as select options labelled with their current open load. */
export function useReviewerOptions(skip: boolean) {
  const reviewers = useQuery(assignableReviewersQuery, { skip, fetchPolicy: 'network-only' });
  const options = (reviewers.data?.reviewers ?? []).map((r) => ({
    value: r.id,
    label: `${r.displayName} (${r.openAssignmentCount} open)`,
  }));
  return { options, error: reviewers.error };
}

const autoAssignMutation = graphql(`
  mutation AutoAssign($input: AutoAssignInput!) {
    autoAssign(input: $input) {
      assignments {
        id
      }
      loads {
        openBefore
        assigned
        openAfter
        reviewer {
          id
          displayName
        }
      }
      unfilledClaimIds
    }
  }
`);

type Result = AutoAssignMutation['autoAssign'];

/** Ids of the claims in the current view that still need reviewers, up to the API's limit. */
function useCandidates(filter: ClaimFilter, opened: boolean, chosenIds: readonly string[] | null) {
  const client = useApolloClient();
  const [state, setState] = useState<{
    ids: string[] | null;
    total: number;
    error: unknown;
  }>({ ids: null, total: 0, error: null });
  const key = JSON.stringify(filter);
  useEffect(() => {
    if (!opened) return;
    if (chosenIds !== null) {
      setState({
        ids: chosenIds.slice(0, AUTO_ASSIGN_LIMIT),
        total: chosenIds.length,
        error: null,
      });
      return;
    }
    let cancelled = false;
    setState({ ids: null, total: 0, error: null });
    void (async () => {
      try {
        const ids: string[] = [];
        let after: string | null = null;
        let total = 0;
        do {
          const page: { data?: AutoAssignCandidatesQuery } = await client.query({
            query: candidatesQuery,
            variables: {
              filter: { ...filter, unassigned: true },
              after,
              withCount: after === null,
            },
            fetchPolicy: 'network-only',
          });
          const claims: AutoAssignCandidatesQuery['claims'] | undefined = page.data?.claims;
          if (!claims) break;
          total = claims.totalCount ?? total;
          ids.push(...claims.edges.map((edge) => edge.node.id));
          after = claims.pageInfo.hasNextPage ? claims.pageInfo.endCursor : null;
        } while (after !== null && ids.length < AUTO_ASSIGN_LIMIT);
        if (!cancelled) setState({ ids: ids.slice(0, AUTO_ASSIGN_LIMIT), total, error: null });
      } catch (error) {
        if (!cancelled) setState({ ids: null, total: 0, error });
      }
    })();
    return () => {
      cancelled = true;
    };
    // `key` stands for the filter's contents.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, key, opened, chosenIds]);
  return state;
}

interface AutoAssignModalProps {
  opened: boolean;
  onClose: () => void;
  /** The queue view's filter; only its claims that still need reviewers are assigned. */
  filter: ClaimFilter;
  /** Claims picked in the queue; when given, these are assigned instead of the view's. */
  claimIds?: readonly string[] | null;
  onAssigned: () => void;
}

/**
 * Auto-assign the claims of the current queue view that still need reviewers across the chosen
 * reviewers, least open load first, and show how the load was spread.
 */
export function AutoAssignModal({
  opened,
  onClose,
  filter,
  claimIds = null,
  onAssigned,
}: AutoAssignModalProps) {
  const candidates = useCandidates(filter, opened, claimIds);
  const reviewers = useReviewerOptions(!opened);
  const [chosen, setChosen] = useState<string[]>([]);
  const [dueAt, setDueAt] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<'reviewerIds' | 'dueAt', string>>>(
    {},
  );
  const [formError, setFormError] = useState<string | null>(null);
  const [result, setResult] = useState<Result | null>(null);
  const [autoAssign, { loading }] = useMutation(autoAssignMutation);

  const close = () => {
    setResult(null);
    setChosen([]);
    setDueAt('');
    setFieldErrors({});
    setFormError(null);
    onClose();
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFormError(null);
    if (chosen.length === 0) {
      setFieldErrors({ reviewerIds: 'Choose at least one reviewer to share the claims between.' });
      return;
    }
    const claimIds = candidates.ids ?? [];
    if (claimIds.length === 0) return;
    setFieldErrors({});
    try {
      const response = await autoAssign({
        variables: {
          input: { claimIds, reviewerIds: chosen, dueAt: dateInputToLocalIso(dueAt, 'end') },
        },
      });
      if (response.data) setResult(response.data.autoAssign);
      onAssigned();
    } catch (error) {
      const errors = getFormErrors(error, ['reviewerIds', 'dueAt'] as const);
      setFieldErrors(errors.fieldErrors);
      setFormError(errors.formError);
    }
  };

  const count = candidates.ids?.length ?? 0;
  return (
    <Modal opened={opened} onClose={close} title="Auto-assign reviewers" centered size="lg">
      {result !== null ? (
        <Stack gap="sm">
          <Alert color="teal" variant="light" title="Assigned" role="status">
            {result.assignments.length}{' '}
            {result.assignments.length === 1 ? 'assignment' : 'assignments'} made.
            {result.unfilledClaimIds.length > 0 &&
              ` ${result.unfilledClaimIds.length} ${result.unfilledClaimIds.length === 1 ? 'claim still needs' : 'claims still need'} reviewers: the chosen reviewers had them before or there were too few of them. Choose more reviewers for those.`}
          </Alert>
          <Table striped withTableBorder>
            <Table.Caption>Open assignments per reviewer</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Reviewer</Table.Th>
                <Table.Th scope="col">Open before</Table.Th>
                <Table.Th scope="col">Assigned now</Table.Th>
                <Table.Th scope="col">Open after</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {result.loads.map((load) => (
                <Table.Tr key={load.reviewer.id}>
                  <Table.Th scope="row">{load.reviewer.displayName}</Table.Th>
                  <Table.Td>{load.openBefore}</Table.Td>
                  <Table.Td>{load.assigned}</Table.Td>
                  <Table.Td>{load.openAfter}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Group justify="flex-end">
            <Button onClick={close} data-autofocus>
              Done
            </Button>
          </Group>
        </Stack>
      ) : (
        <form noValidate onSubmit={(event) => void onSubmit(event)}>
          <Stack gap="sm">
            {candidates.error !== null && (
              <ErrorAlert
                message={describeError(candidates.error)}
                title="Could not find the claims to assign"
              />
            )}
            {reviewers.error !== undefined && (
              <ErrorAlert error={reviewers.error} title="Could not load the reviewers" />
            )}
            {formError !== null && <ErrorAlert message={formError} title="Could not assign" />}
            <Text size="sm" role="status" aria-live="polite">
              {candidates.ids === null && candidates.error === null
                ? 'Finding the claims in this view that still need reviewers…'
                : claimIds !== null
                  ? `${count} selected ${count === 1 ? 'claim' : 'claims'}. Each gets reviewers up to its project's required number, least-loaded reviewers first, never a reviewer who had it before.`
                  : count === 0
                    ? 'Every claim in this view already has the reviewers it needs.'
                    : `${count} ${count === 1 ? 'claim' : 'claims'} in this view still ${count === 1 ? 'needs' : 'need'} reviewers${candidates.total > count ? ` (the first ${count} of ${candidates.total}; run it again for the rest)` : ''}. Each gets reviewers up to its project's required number, least-loaded reviewers first, never a reviewer who had it before.`}
            </Text>
            <MultiSelect
              label="Reviewers to share them between *"
              placeholder="Choose reviewers"
              data={reviewers.options}
              value={chosen}
              onChange={setChosen}
              searchable
              nothingFoundMessage="No reviewer matches"
              error={fieldErrors.reviewerIds}
              data-autofocus
            />
            <TextInput
              label="Due date"
              type="date"
              value={dueAt}
              onChange={(event) => setDueAt(event.currentTarget.value)}
              error={fieldErrors.dueAt}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" loading={loading} disabled={count === 0}>
                Auto-assign {count > 0 ? `${count} ${count === 1 ? 'claim' : 'claims'}` : ''}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
