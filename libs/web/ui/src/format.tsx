import { Text } from '@mantine/core';

const dateTimeFormat = new Intl.DateTimeFormat(undefined, {
  dateStyle: 'medium',
  timeStyle: 'short',
});
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

function parse(value: string): Date | null {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** `text` cut to at most `length` characters, an ellipsis marking the cut. */
export function truncate(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}

export function formatDateTime(value: string): string {
  const date = parse(value);
  return date === null ? value : dateTimeFormat.format(date);
}

export function formatDate(value: string): string {
  const date = parse(value);
  return date === null ? value : dateFormat.format(date);
}

export interface DateTimeTextProps {
  /** An ISO 8601 date-time from the API, or null. */
  value: string | null | undefined;
  /** Text for a missing value, e.g. "Never". */
  fallback?: string;
  dateOnly?: boolean;
}

/** A `<time>` element showing a local date (and time), with the exact UTC value as its title. */
export function DateTimeText({ value, fallback = '—', dateOnly = false }: DateTimeTextProps) {
  if (value === null || value === undefined) {
    return (
      <Text span size="sm" c="dimmed">
        {fallback}
      </Text>
    );
  }
  return (
    <time dateTime={value} title={value}>
      {dateOnly ? formatDate(value) : formatDateTime(value)}
    </time>
  );
}
