import type { ReactNode } from 'react';
import { Group, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from './document-title';

export interface PageHeaderProps {
  /** The page's one h1; also sets the document title unless `documentTitle` is given. */
  title: ReactNode;
  documentTitle?: string;
  description?: ReactNode;
  /** Above the title, e.g. a link back to the parent page. */
  breadcrumbs?: ReactNode;
  /** Buttons on the right, e.g. "New project". */
  actions?: ReactNode;
}

export function PageHeader({
  title,
  documentTitle,
  description,
  breadcrumbs,
  actions,
}: PageHeaderProps) {
  useDocumentTitle(documentTitle ?? (typeof title === 'string' ? title : ''));
  return (
    <Stack gap="xs" mb="lg">
      {breadcrumbs}
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="md">
        <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
          <Title order={1} style={{ overflowWrap: 'anywhere' }}>
            {title}
          </Title>
          {description !== undefined && <Text c="dimmed">{description}</Text>}
        </Stack>
        {actions !== undefined && <Group gap="sm">{actions}</Group>}
      </Group>
    </Stack>
  );
}
