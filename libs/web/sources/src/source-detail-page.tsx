import { useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from '@apollo/client/react';
import {
  Anchor,
  Badge,
  Button,
  Grid,
  Group,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconArrowLeft, IconPencil, IconScale } from '@tabler/icons-react';
import type { SourceQuery } from '@corroborate/graphql';
import {
  ClaimStatusBadge,
  DateTimeText,
  ErrorAlert,
  ExternalLink,
  GradeBadge,
  HistoryTimeline,
  PageHeader,
  RELIABILITY_LABELS,
  ReliabilityBadge,
  SOURCE_KIND_LABELS,
  SOURCE_REGRADE_ROLES,
  SOURCE_WRITE_ROLES,
  StanceBadge,
  hasErrorCode,
  useDocumentTitle,
  useHasRole,
} from '@corroborate/web-ui';
import { RegradeSourceModal, SourceFormModal } from './source-modals';
import { sourceQuery } from './sources.graphql';

function BackToSources() {
  return (
    <Anchor component={Link} to="/sources" size="sm">
      <Group gap={4} component="span">
        <IconArrowLeft size={14} aria-hidden="true" />
        All sources
      </Group>
    </Anchor>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase">
        {label}
      </Text>
      <Text size="sm" component="div" style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </Stack>
  );
}

export function SourceDetailPage() {
  const { sourceId = '' } = useParams();
  const { data, error, loading, refetch } = useQuery(sourceQuery, {
    variables: { id: sourceId },
    notifyOnNetworkStatusChange: true,
  });
  const source = data?.source;
  if (source === undefined) {
    if (error !== undefined && hasErrorCode(error, 'NOT_FOUND')) {
      return (
        <>
          <PageHeader title="Source not found" breadcrumbs={<BackToSources />} />
          <Text>There is no source at this address. The link may be mistyped or out of date.</Text>
        </>
      );
    }
    if (error !== undefined) {
      return (
        <>
          <PageHeader title="Source" breadcrumbs={<BackToSources />} />
          <ErrorAlert
            error={error}
            title="Could not load this source"
            onRetry={() => void refetch()}
            retrying={loading}
          />
        </>
      );
    }
    return <SourceSkeleton />;
  }
  return <SourceDetail source={source} reload={() => refetch()} />;
}

function SourceDetail({
  source,
  reload,
}: {
  source: SourceQuery['source'];
  reload: () => Promise<unknown>;
}) {
  const canEdit = useHasRole(SOURCE_WRITE_ROLES);
  const canRegrade = useHasRole(SOURCE_REGRADE_ROLES);
  const [editing, setEditing] = useState(false);
  const [regrading, setRegrading] = useState(false);

  return (
    <>
      <PageHeader
        title={source.name}
        breadcrumbs={<BackToSources />}
        actions={
          <>
            {canEdit && (
              <Button
                variant="default"
                leftSection={<IconPencil size={16} aria-hidden="true" />}
                onClick={() => setEditing(true)}
              >
                Edit source
              </Button>
            )}
            {canRegrade && (
              <Button
                variant="default"
                leftSection={<IconScale size={16} aria-hidden="true" />}
                onClick={() => setRegrading(true)}
              >
                Regrade
              </Button>
            )}
          </>
        }
      />
      <Stack gap="lg">
        <Paper withBorder radius="md" p="md">
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="md">
            <Fact label="Kind">{SOURCE_KIND_LABELS[source.kind]}</Fact>
            <Fact label="Homepage">
              {source.homepage !== null && source.homepage !== '' ? (
                <ExternalLink href={source.homepage} />
              ) : (
                '—'
              )}
            </Fact>
            <Fact label="Reliability">
              <ReliabilityBadge reliability={source.reliability} />
              <Text size="xs" c="dimmed" mt={4}>
                {RELIABILITY_LABELS[source.reliability]}
              </Text>
            </Fact>
            <Fact label="Evidence items">{source.evidenceCount}</Fact>
          </SimpleGrid>
          {source.reliabilityNote !== null && source.reliabilityNote.trim() !== '' && (
            <Text size="sm" mt="md" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              <Text span fw={600}>
                Why this grade:
              </Text>{' '}
              {source.reliabilityNote}
            </Text>
          )}
        </Paper>
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, lg: 8 }}>
            <Paper
              withBorder
              radius="md"
              p="md"
              component="section"
              aria-labelledby="source-evidence"
            >
              <Title order={2} size="h3" id="source-evidence" mb="sm">
                Evidence from this source
              </Title>
              {source.evidence.length === 0 ? (
                <Text c="dimmed" size="sm">
                  No claim cites this source yet.
                </Text>
              ) : (
                <Table.ScrollContainer minWidth={640}>
                  <Table verticalSpacing="xs" striped>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">Claim</Table.Th>
                        <Table.Th scope="col">Item</Table.Th>
                        <Table.Th scope="col">Stance</Table.Th>
                        <Table.Th scope="col">Grade</Table.Th>
                        <Table.Th scope="col">Added</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {source.evidence.map((item) => (
                        <Table.Tr key={item.id}>
                          <Table.Td style={{ overflowWrap: 'anywhere' }}>
                            <Anchor
                              component={Link}
                              to={`/claims/${encodeURIComponent(item.claim.id)}`}
                              size="sm"
                              lineClamp={2}
                            >
                              {item.claim.text}
                            </Anchor>
                            <ClaimStatusBadge status={item.claim.status} />
                          </Table.Td>
                          <Table.Td style={{ overflowWrap: 'anywhere' }}>
                            <ExternalLink href={item.url}>{item.title ?? item.url}</ExternalLink>
                            {item.retracted && (
                              <Badge color="red" variant="light" ml={6}>
                                Retracted
                              </Badge>
                            )}
                          </Table.Td>
                          <Table.Td>
                            <StanceBadge stance={item.stance} />
                          </Table.Td>
                          <Table.Td>
                            <GradeBadge grade={item.grade} />
                          </Table.Td>
                          <Table.Td>
                            <DateTimeText value={item.createdAt} dateOnly />
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )}
            </Paper>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 4 }}>
            <Paper
              withBorder
              radius="md"
              p="md"
              component="section"
              aria-labelledby="source-history"
            >
              <Title order={2} size="h3" id="source-history" mb="sm">
                History
              </Title>
              <HistoryTimeline events={source.history} subjectId={source.id} />
            </Paper>
          </Grid.Col>
        </Grid>
      </Stack>
      {canEdit && (
        <SourceFormModal
          opened={editing}
          onClose={() => setEditing(false)}
          source={source}
          onReload={reload}
        />
      )}
      {canRegrade && (
        <RegradeSourceModal
          opened={regrading}
          onClose={() => setRegrading(false)}
          source={source}
          onReload={reload}
        />
      )}
    </>
  );
}

function SourceSkeleton() {
  useDocumentTitle('Source');
  return (
    <Stack gap="lg" aria-busy="true">
      <Text className="visually-hidden" role="status">
        Loading source…
      </Text>
      <Skeleton height={14} width={100} />
      <Skeleton height={36} width="50%" />
      <Skeleton height={90} />
      <Skeleton height={200} />
    </Stack>
  );
}
