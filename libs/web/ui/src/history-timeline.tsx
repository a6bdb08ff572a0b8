import { Group, List, Stack, Text, Timeline } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import type { AuditEventFieldsFragment } from '@corroborate/graphql';
import { DateTimeText } from './format';
import { changeShown, formatChangeValue, humaniseAction, humaniseField } from './history-format';

export interface HistoryTimelineProps {
  events: readonly AuditEventFieldsFragment[];
  /** Oldest first from the API; shown newest first unless false. */
  newestFirst?: boolean;
  /**
   * The id of the claim (or source) whose history this is: a change that only records it (the
   * claim a comment or evidence item was added to) is left out, since the whole timeline is
   * about it.
   */
  subjectId?: string;
}

/** The audit trail: who, when, what, before → after, and the reason given. */
export function HistoryTimeline({ events, newestFirst = true, subjectId }: HistoryTimelineProps) {
  const shown = (change: AuditEventFieldsFragment['changes'][number]) =>
    changeShown(change, subjectId);
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
            {event.changes.some(shown) && (
              <List size="sm" spacing={2}>
                {event.changes.filter(shown).map((change) => (
                  <List.Item key={change.field} style={{ overflowWrap: 'anywhere' }}>
                    <Text span size="sm" fw={500} title={change.field}>
                      {humaniseField(change.field)}
                    </Text>
                    : {change.beforeLabel ?? formatChangeValue(change.before, change.field)} →{' '}
                    {change.afterLabel ?? formatChangeValue(change.after, change.field)}
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
