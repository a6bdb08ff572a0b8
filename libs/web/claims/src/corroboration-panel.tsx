import {
  Alert,
  Anchor,
  Badge,
  Group,
  List,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconAlertTriangle, IconInfoCircle } from '@tabler/icons-react';
import type {
  ChainEvidenceFieldsFragment,
  CorroborationFieldsFragment,
  CorroborationSideFieldsFragment,
} from '@corroborate/graphql';
import { EVIDENCE_STANCE_LABELS, GradeBadge } from '@corroborate/web-ui';
import { evidenceLabel } from './evidence-list';
import { formatQuantity } from './format-quantity';

function EvidenceRef({ evidence }: { evidence: ChainEvidenceFieldsFragment }) {
  return (
    <Anchor href={`#evidence-item-${evidence.id}`} size="sm" style={{ overflowWrap: 'anywhere' }}>
      {evidenceLabel(evidence)}
    </Anchor>
  );
}

function SideSummary({ side, title }: { side: CorroborationSideFieldsFragment; title: string }) {
  const chains = `${side.chainCount} independent ${side.chainCount === 1 ? 'chain' : 'chains'}`;
  return (
    <Paper withBorder radius="md" p="sm" role="group" aria-label={`${title}: ${chains}`}>
      <Stack gap={4}>
        <Text size="sm" fw={600}>
          {title}
        </Text>
        <Group gap="xs" align="baseline">
          <Text size="xl" fw={700}>
            {side.chainCount}
          </Text>
          <Text size="sm">independent {side.chainCount === 1 ? 'chain' : 'chains'}</Text>
        </Group>
        <Group gap={6}>
          <Text size="sm" c="dimmed">
            Best grade
          </Text>
          {side.bestGrade !== null ? (
            <GradeBadge grade={side.bestGrade} />
          ) : (
            <Text size="sm" c="dimmed">
              —
            </Text>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}

function SideChains({ side }: { side: CorroborationSideFieldsFragment }) {
  if (side.chains.length === 0) {
    if (side.stance === 'MIXED' || side.stance === 'CONTEXT') return null;
    return (
      <Text size="sm" c="dimmed">
        {EVIDENCE_STANCE_LABELS[side.stance]}: {side.explanation}
      </Text>
    );
  }
  return (
    <Stack gap={6}>
      <Text size="sm" fw={600}>
        {EVIDENCE_STANCE_LABELS[side.stance]}: {side.chainCount}{' '}
        {side.chainCount === 1 ? 'chain' : 'chains'} from {side.rootSourceCount}{' '}
        {side.rootSourceCount === 1 ? 'source' : 'sources'}
      </Text>
      <List size="sm" spacing={6} listStyleType="none" withPadding={false}>
        {side.chains.map((chain) => {
          const others = chain.members.filter((member) => member.id !== chain.root.id);
          return (
            <List.Item key={chain.root.id}>
              <Paper withBorder radius="sm" p="xs">
                <Stack gap={4}>
                  <Group gap={6} wrap="nowrap" align="flex-start">
                    <GradeBadge grade={chain.bestGrade} />
                    <Stack gap={0} style={{ minWidth: 0 }}>
                      <Text size="xs" c="dimmed">
                        Root
                      </Text>
                      <EvidenceRef evidence={chain.root} />
                    </Stack>
                  </Group>
                  {chain.circular && (
                    <Badge color="red" variant="light" size="sm">
                      Circular derivation
                    </Badge>
                  )}
                  {chain.externalOriginId !== null && (
                    <Text size="xs" c="dimmed">
                      The root itself derives from an item not attached to this claim.
                    </Text>
                  )}
                  {others.length > 0 && (
                    <Stack gap={2} pl="md">
                      <Text size="xs" c="dimmed">
                        Collapsed into this root ({others.length}):
                      </Text>
                      {others.map((member) => (
                        <Group key={member.id} gap={6} wrap="nowrap">
                          <Text span size="xs" aria-hidden="true">
                            ↳
                          </Text>
                          <EvidenceRef evidence={member} />
                        </Group>
                      ))}
                    </Stack>
                  )}
                </Stack>
              </Paper>
            </List.Item>
          );
        })}
      </List>
      <Text size="sm" c="dimmed">
        {side.explanation}
      </Text>
    </Stack>
  );
}

/**
 * Computed on the server from the evidence: independent chains per side
 * (re-reports collapse into their root), best grades, warnings and quantity
 * spreads. Nothing here is typed in.
 */
export function CorroborationPanel({
  corroboration,
}: {
  corroboration: CorroborationFieldsFragment;
}) {
  const sides = [
    corroboration.supporting,
    corroboration.refuting,
    corroboration.mixed,
    corroboration.context,
  ];
  return (
    <Stack gap="md">
      <SimpleGrid cols={2} spacing="sm">
        <SideSummary side={corroboration.supporting} title="Supporting" />
        <SideSummary side={corroboration.refuting} title="Refuting" />
      </SimpleGrid>

      {corroboration.warnings.length > 0 && (
        <Stack gap="xs">
          {corroboration.warnings.map((warning, index) => (
            <Alert
              key={`${warning.code}-${index}`}
              color={warning.code === 'CONTRADICTION' ? 'red' : 'grape'}
              variant="light"
              icon={<IconAlertTriangle aria-hidden="true" />}
              title={
                <Group gap={6}>
                  <Badge size="xs" variant="outline" color="dark" ff="monospace" tt="none">
                    {warning.code}
                  </Badge>
                  {warning.stance !== null && (
                    <Text span size="xs">
                      {EVIDENCE_STANCE_LABELS[warning.stance]}
                    </Text>
                  )}
                </Group>
              }
            >
              <Text size="sm">{warning.message}</Text>
            </Alert>
          ))}
        </Stack>
      )}

      {sides.map((side) => (
        <SideChains key={side.stance} side={side} />
      ))}

      {(corroboration.quantitySpreads.length > 0 || corroboration.quantityConflicts.length > 0) && (
        <Stack gap="xs">
          <Title order={3} size="h5">
            Reported quantities
          </Title>
          {corroboration.quantitySpreads.map((spread) => (
            <Paper key={spread.unit} withBorder radius="sm" p="xs">
              <Text size="sm" fw={600}>
                {formatQuantity({ min: spread.min, max: spread.max, unit: spread.unit })}
              </Text>
              <Text size="sm" c="dimmed">
                {spread.explanation}
              </Text>
            </Paper>
          ))}
          {corroboration.quantityConflicts.map((conflict) => (
            <Alert
              key={`${conflict.a.id}-${conflict.b.id}`}
              color="red"
              variant="light"
              title={`Ranges do not overlap (${conflict.unit})`}
              icon={<IconAlertTriangle aria-hidden="true" />}
            >
              <Stack gap={4}>
                <Text size="sm">{conflict.explanation}</Text>
                <EvidenceRef evidence={conflict.a} />
                <EvidenceRef evidence={conflict.b} />
              </Stack>
            </Alert>
          ))}
        </Stack>
      )}

      {(corroboration.notes.length > 0 || corroboration.excludedEvidenceIds.length > 0) && (
        <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden="true" />}>
          <Stack gap={4}>
            {corroboration.excludedEvidenceIds.length > 0 && (
              <Text size="sm">
                {corroboration.excludedEvidenceIds.length} retracted{' '}
                {corroboration.excludedEvidenceIds.length === 1 ? 'item is' : 'items are'} left out
                of the counts.
              </Text>
            )}
            {corroboration.notes.map((note) => (
              <Text key={note} size="sm">
                {note}
              </Text>
            ))}
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}
