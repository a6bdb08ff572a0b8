import { Code, Group, List, Stack, Text, Timeline } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import type { AuditEventFieldsFragment } from '@corroborate/graphql';
import { DateTimeText } from './format';

/** "evidence.retracted" / "EVIDENCE_RETRACTED" → "Evidence retracted". */
export function humaniseAction(action: string): string {
  const words = action
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[._-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A change value is JSON text; show strings plainly, null as "—", anything else as JSON. */
export function formatChangeValue(value: string | null | undefined): string {
  if (value === null || value === undefined) return '—';
  try {
    const parsed: unknown = JSON.parse(value);
    if (parsed === null) return '—';
    if (typeof parsed === 'string') return parsed === '' ? '""' : parsed;
    if (Array.isArray(parsed) && parsed.every((item) => typeof item === 'string')) {
      return parsed.length === 0 ? '(none)' : parsed.join(', ');
    }
    return JSON.stringify(parsed);
  } catch {
    return value;
  }
}

export interface HistoryTimelineProps {
  events: readonly AuditEventFieldsFragment[];
  /** Oldest first from the API; shown newest first unless false. */
  newestFirst?: boolean;
}

/** The audit trail: who, when, what, before → after, and the reason given. */
export function HistoryTimeline({ events, newestFirst = true }: HistoryTimelineProps) {
  if (events.length === 0) {
    return (
      <Text c="dimmed" size="sm">
        No changes recorded yet.
      </Text>
    );
  }
  const ordered = newestFirst ? [...events].reverse() : events;
  return (
    <Timeline bulletSize={22} lineWidth={2} active={ordered.length}>
      {ordered.map((event) => (
        <Timeline.Item
          key={event.id}
          bullet={<IconHistory size={12} aria-hidden="true" />}
          title={
            <Text size="sm" fw={600} component="span">
              {humaniseAction(event.action)}
            </Text>
          }
        >
          <Stack gap={4}>
            <Group gap={6} wrap="wrap">
              <Text size="xs" c="dimmed" component="span">
                {event.actor?.displayName ?? 'System'} · <DateTimeText value={event.at} /> ·{' '}
                {humaniseAction(event.entityType)}
              </Text>
            </Group>
            {event.changes.length > 0 && (
              <List size="sm" spacing={2}>
                {event.changes.map((change) => (
                  <List.Item key={change.field} style={{ overflowWrap: 'anywhere' }}>
                    <Code>{change.field}</Code>:{' '}
                    {change.beforeLabel ?? formatChangeValue(change.before)} →{' '}
                    {change.afterLabel ?? formatChangeValue(change.after)}
                  </List.Item>
                ))}
              </List>
            )}
            {event.reason !== null && event.reason.trim() !== '' && (
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                Reason: {event.reason}
              </Text>
            )}
          </Stack>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
