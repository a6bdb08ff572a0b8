import { Link } from 'react-router';
import { useQuery } from '@apollo/client/react';
import { Alert, Anchor, Badge, Box, Button, Group, List, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconCopy } from '@tabler/icons-react';
import type { ClaimStatus } from '@corroborate/graphql';
import { ClaimStatusBadge } from '@corroborate/web-ui';
import { likelyDuplicatesQuery } from './intake.graphql';

/** Shortest text worth asking about (shorter texts match too loosely to help). */
const MIN_CHARS = 12;

export interface DuplicateClaim {
  id: string;
  text: string;
  status: ClaimStatus;
  version: number;
}

export interface DuplicateMatch {
  score: number;
  claim: DuplicateClaim;
}

export function formatScore(score: number): string {
  return `${Math.round(score * 100)}% similar`;
}

/** The list of likely duplicates, with an optional "Merge…" action per claim. */
export function DuplicateList({
  matches,
  onMerge,
  title = 'Likely duplicates in this project',
}: {
  matches: readonly DuplicateMatch[];
  onMerge?: (match: DuplicateMatch) => void;
  title?: string;
}) {
  if (matches.length === 0) return null;
  return (
    <Alert
      color="orange"
      variant="outline"
      icon={<IconCopy size={18} aria-hidden="true" />}
      role="status"
    >
      <Text size="sm" fw={700} c="dark.7" mb={4}>
        {title}
      </Text>
      <List spacing="xs" listStyleType="none" pl={0}>
        {matches.map((m) => (
          <List.Item key={m.claim.id}>
            <Group gap="xs" wrap="nowrap" align="flex-start">
              <Badge variant="outline" color="dark" style={{ flexShrink: 0 }}>
                {formatScore(m.score)}
              </Badge>
              <Box style={{ flexShrink: 0 }}>
                <ClaimStatusBadge status={m.claim.status} />
              </Box>
              <Anchor component={Link} to={`/claims/${m.claim.id}`} size="sm" target="_blank">
                {m.claim.text}
              </Anchor>
              {onMerge !== undefined &&
                m.claim.status !== 'VERIFIED' &&
                m.claim.status !== 'REJECTED' && (
                  <Button size="compact-xs" variant="light" onClick={() => onMerge(m)} ml="auto">
                    Merge…
                  </Button>
                )}
            </Group>
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}

/**
 * Likely duplicates of `text` among the project's claims, asked for as the person types
 * (debounced). Shows nothing until there is a project and enough text.
 */
export function DuplicateSuggestions({
  projectId,
  text,
  excludeClaimId,
  onMerge,
}: {
  projectId: string | null;
  text: string;
  excludeClaimId?: string | null;
  onMerge?: (match: DuplicateMatch) => void;
}) {
  const [debounced] = useDebouncedValue(text.trim(), 400);
  const skip = projectId === null || debounced.length < MIN_CHARS;
  const { data } = useQuery(likelyDuplicatesQuery, {
    variables: {
      projectId: projectId ?? '',
      text: debounced,
      excludeClaimId: excludeClaimId ?? null,
    },
    skip,
  });
  if (skip || data === undefined) return null;
  if (data.likelyDuplicates.length === 0)
    return (
      <Text size="xs" c="dimmed">
        No likely duplicates in this project.
      </Text>
    );
  return <DuplicateList matches={data.likelyDuplicates} onMerge={onMerge} />;
}
