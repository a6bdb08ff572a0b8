import type { ReactNode } from 'react';
import { Paper, Stack, Text, Title } from '@mantine/core';

export interface EmptyStateProps {
  title: string;
  description?: ReactNode;
  icon?: ReactNode;
  action?: ReactNode;
}

/** Shown instead of an empty list: what is missing and, if allowed, how to add it. */
export function EmptyState({ title, description, icon, action }: EmptyStateProps) {
  return (
    <Paper withBorder radius="md" p="xl">
      <Stack align="center" gap="sm" ta="center">
        {icon}
        <Title order={2} size="h3">
          {title}
        </Title>
        {description !== undefined && (
          <Text c="dimmed" maw={480}>
            {description}
          </Text>
        )}
        {action}
      </Stack>
    </Paper>
  );
}
