import { ActionIcon, CopyButton, Group, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';

export interface CopyValueProps {
  value: string;
  /** What the value is, for the button's name: "Copy SHA-256". */
  label: string;
  /** Characters shown before "…"; the whole value when omitted. */
  shorten?: number;
}

/** A monospace value, shortened if asked, with a copy button; the full value is in the title. */
export function CopyValue({ value, label, shorten }: CopyValueProps) {
  const shown =
    shorten !== undefined && value.length > shorten ? `${value.slice(0, shorten)}…` : value;
  return (
    <Group gap={4} wrap="nowrap" component="span">
      <Text span ff="monospace" size="sm" title={value}>
        {shown}
      </Text>
      <CopyButton value={value} timeout={1500}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? 'Copied' : label} withArrow>
            <ActionIcon
              variant="subtle"
              color={copied ? 'teal' : 'gray'}
              size="sm"
              onClick={copy}
              aria-label={copied ? 'Copied' : label}
            >
              {copied ? (
                <IconCheck size={14} aria-hidden="true" />
              ) : (
                <IconCopy size={14} aria-hidden="true" />
              )}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}
