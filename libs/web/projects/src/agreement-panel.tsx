import { useQuery } from '@apollo/client/react';
import { Paper, Skeleton, Stack, Text } from '@mantine/core';
import { ErrorAlert } from '@corroborate/web-ui';
import { projectAgreementQuery } from './projects.graphql';

/** Inter-reviewer agreement (Krippendorff's alpha, ordinal) over the project's verdicts. */
export function AgreementPanel({ projectId }: { projectId: string }) {
  const { data, error, loading, refetch } = useQuery(projectAgreementQuery, {
    variables: { input: { projectId, metric: 'ORDINAL' } },
    notifyOnNetworkStatusChange: true,
  });
  const agreement = data?.agreement;

  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="agreement-heading">
      <Stack gap="xs">
        <Text fw={600} component="h2" size="lg" id="agreement-heading">
          Reviewer agreement
        </Text>
        {error !== undefined && agreement === undefined && (
          <ErrorAlert
            error={error}
            title="Could not compute agreement"
            onRetry={() => void refetch()}
            retrying={loading}
          />
        )}
        {agreement === undefined && error === undefined && <Skeleton height={40} />}
        {agreement !== undefined &&
          (agreement.computable && agreement.alpha !== null ? (
            <>
              <Text size="xl" fw={600}>
                α = {agreement.alpha.toFixed(2)}
              </Text>
              <Text size="sm" c="dimmed">
                Krippendorff&apos;s alpha (ordinal) over {agreement.pairableValues.toLocaleString()}{' '}
                pairable {agreement.pairableValues === 1 ? 'value' : 'values'} from{' '}
                {agreement.units.toLocaleString()} {agreement.units === 1 ? 'claim' : 'claims'} and{' '}
                {agreement.reviewers.length}{' '}
                {agreement.reviewers.length === 1 ? 'reviewer' : 'reviewers'}.
              </Text>
            </>
          ) : (
            <Text size="sm">
              Not computable: {agreement.reason ?? 'not enough submitted verdicts yet.'}
            </Text>
          ))}
      </Stack>
    </Paper>
  );
}
