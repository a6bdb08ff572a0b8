/** Triage priority of a claim, lowest first. */
export const PRIORITIES = ['LOW', 'NORMAL', 'HIGH', 'URGENT'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const DEFAULT_PRIORITY: Priority = 'NORMAL';

export const PRIORITY_LABELS: Readonly<Record<Priority, string>> = {
  LOW: 'Low',
  NORMAL: 'Normal',
  HIGH: 'High',
  URGENT: 'Urgent',
};

export function isPriority(value: unknown): value is Priority {
  return typeof value === 'string' && (PRIORITIES as readonly string[]).includes(value);
}

/** 0 for LOW … 3 for URGENT. */
export function priorityRank(priority: Priority): number {
  return PRIORITIES.indexOf(priority);
}

/** Comparator that sorts the most urgent first. */
export function compareByUrgency(a: Priority, b: Priority): number {
  return priorityRank(b) - priorityRank(a);
}
