import type { ClaimFilter, ClaimSort, ClaimStatus, Priority } from '@corroborate/graphql';
import {
  CLAIM_STATUSES,
  PRIORITIES,
  dateInputToLocalIso,
  isDateInputValue,
} from '@corroborate/web-ui';

/** Sort orders offered in the queue, with their labels. */
export const CLAIM_SORT_OPTIONS: readonly { value: ClaimSort; label: string }[] = [
  { value: 'UPDATED_DESC', label: 'Recently updated' },
  { value: 'PRIORITY_DESC', label: 'Priority, most urgent first' },
  { value: 'DUE_ASC', label: 'Due date, soonest first' },
  { value: 'CREATED_DESC', label: 'Newest first' },
  { value: 'CREATED_ASC', label: 'Oldest first' },
];

export const DEFAULT_CLAIM_SORT: ClaimSort = 'UPDATED_DESC';

/**
 * The queue's filters as they live in the URL:
 * `?project=…&status=NEW&status=IN_REVIEW&priority=URGENT&topic=election&q=…&createdFrom=YYYY-MM-DD
 *  &createdTo=…&dueFrom=…&dueTo=…&overdue=1&contradiction=1&mine=1&unassigned=1&disagreement=1
 *  &assignee=<reviewer id>&sort=DUE_ASC`.
 */
export interface QueueFilters {
  project: string | null;
  statuses: ClaimStatus[];
  priorities: Priority[];
  topics: string[];
  q: string;
  createdFrom: string;
  createdTo: string;
  dueFrom: string;
  dueTo: string;
  overdue: boolean;
  contradiction: boolean;
  /** "My queue": claims with an OPEN assignment of the caller. */
  mine: boolean;
  /** Claims with fewer active assignments than the project requires. */
  unassigned: boolean;
  /** Claims whose submitted assessments disagree. */
  disagreement: boolean;
  /** Claims with an OPEN or SUBMITTED assignment of this reviewer. */
  assignee: string | null;
  sort: ClaimSort;
}

export const QUEUE_PARAM_NAMES = [
  'project',
  'status',
  'priority',
  'topic',
  'q',
  'createdFrom',
  'createdTo',
  'dueFrom',
  'dueTo',
  'overdue',
  'contradiction',
  'mine',
  'unassigned',
  'disagreement',
  'assignee',
  'sort',
] as const;

function oneOf<T extends string>(values: readonly T[], allowed: readonly T[]): T[] {
  return [...new Set(values.filter((value) => allowed.includes(value)))];
}

function flag(value: string | null): boolean {
  return value === '1' || value === 'true';
}

function dateParam(value: string | null): string {
  return value !== null && isDateInputValue(value) ? value : '';
}

export function parseQueueFilters(params: URLSearchParams): QueueFilters {
  const sort = params.get('sort');
  const project = params.get('project');
  const assignee = params.get('assignee');
  return {
    project: project !== null && project !== '' ? project : null,
    statuses: oneOf(params.getAll('status') as ClaimStatus[], CLAIM_STATUSES),
    priorities: oneOf(params.getAll('priority') as Priority[], PRIORITIES),
    topics: [...new Set(params.getAll('topic').filter((topic) => topic.trim() !== ''))],
    q: params.get('q') ?? '',
    createdFrom: dateParam(params.get('createdFrom')),
    createdTo: dateParam(params.get('createdTo')),
    dueFrom: dateParam(params.get('dueFrom')),
    dueTo: dateParam(params.get('dueTo')),
    overdue: flag(params.get('overdue')),
    contradiction: flag(params.get('contradiction')),
    mine: flag(params.get('mine')),
    unassigned: flag(params.get('unassigned')),
    disagreement: flag(params.get('disagreement')),
    assignee: assignee !== null && assignee !== '' ? assignee : null,
    sort: CLAIM_SORT_OPTIONS.some((option) => option.value === sort)
      ? (sort as ClaimSort)
      : DEFAULT_CLAIM_SORT,
  };
}

/** The URL search params for `filters`; defaults are left out so links stay short. */
export function queueFiltersToParams(filters: QueueFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.project !== null) params.set('project', filters.project);
  for (const status of filters.statuses) params.append('status', status);
  for (const priority of filters.priorities) params.append('priority', priority);
  for (const topic of filters.topics) params.append('topic', topic);
  if (filters.q.trim() !== '') params.set('q', filters.q);
  if (filters.createdFrom !== '') params.set('createdFrom', filters.createdFrom);
  if (filters.createdTo !== '') params.set('createdTo', filters.createdTo);
  if (filters.dueFrom !== '') params.set('dueFrom', filters.dueFrom);
  if (filters.dueTo !== '') params.set('dueTo', filters.dueTo);
  if (filters.overdue) params.set('overdue', '1');
  if (filters.contradiction) params.set('contradiction', '1');
  if (filters.mine) params.set('mine', '1');
  if (filters.unassigned) params.set('unassigned', '1');
  if (filters.disagreement) params.set('disagreement', '1');
  if (filters.assignee !== null) params.set('assignee', filters.assignee);
  if (filters.sort !== DEFAULT_CLAIM_SORT) params.set('sort', filters.sort);
  return params;
}

/** The `ClaimFilter` the API takes; date ranges cover whole local days. */
export function toClaimFilter(filters: QueueFilters): ClaimFilter {
  const filter: ClaimFilter = {};
  if (filters.project !== null) filter.projectId = filters.project;
  if (filters.statuses.length > 0) filter.statuses = filters.statuses;
  if (filters.priorities.length > 0) filter.priorities = filters.priorities;
  if (filters.topics.length > 0) filter.topics = filters.topics;
  if (filters.q.trim() !== '') filter.text = filters.q.trim();
  const createdFrom = dateInputToLocalIso(filters.createdFrom, 'start');
  const createdTo = dateInputToLocalIso(filters.createdTo, 'end');
  const dueFrom = dateInputToLocalIso(filters.dueFrom, 'start');
  const dueTo = dateInputToLocalIso(filters.dueTo, 'end');
  if (createdFrom !== null) filter.createdFrom = createdFrom;
  if (createdTo !== null) filter.createdTo = createdTo;
  if (dueFrom !== null) filter.dueFrom = dueFrom;
  if (dueTo !== null) filter.dueTo = dueTo;
  if (filters.overdue) filter.overdue = true;
  if (filters.contradiction) filter.hasContradiction = true;
  if (filters.mine) filter.assignedToMe = true;
  if (filters.unassigned) filter.unassigned = true;
  if (filters.disagreement) filter.disagreement = true;
  if (filters.assignee !== null) filter.assigneeId = filters.assignee;
  return filter;
}

/** How many filters (not the sort) are set. */
export function countActiveFilters(filters: QueueFilters): number {
  return (
    (filters.project !== null ? 1 : 0) +
    filters.statuses.length +
    filters.priorities.length +
    filters.topics.length +
    (filters.q.trim() !== '' ? 1 : 0) +
    [filters.createdFrom, filters.createdTo, filters.dueFrom, filters.dueTo].filter((d) => d !== '')
      .length +
    (filters.overdue ? 1 : 0) +
    (filters.contradiction ? 1 : 0) +
    (filters.mine ? 1 : 0) +
    (filters.unassigned ? 1 : 0) +
    (filters.disagreement ? 1 : 0) +
    (filters.assignee !== null ? 1 : 0)
  );
}

/** A link to the queue with the given filters, e.g. for a project page. */
export function queuePath(filters: Partial<QueueFilters> = {}): string {
  const params = queueFiltersToParams({ ...parseQueueFilters(new URLSearchParams()), ...filters });
  const search = params.toString();
  return search === '' ? '/queue' : `/queue?${search}`;
}

/**
 * Where a claim was opened from: the queue view (its URL search, filters and sort) and the
 * claim's cursor in it, so the claim page can go back to that very view and on to the claim
 * after this one. It lives in the claim's URL (`?queue=<search>&after=<cursor>`), so it survives
 * a reload and a shared link.
 */
export interface QueueContext {
  /** The queue view's URL search, without the leading "?" (empty: the default view). */
  readonly search: string;
  /** The claim's cursor in that view. */
  readonly after: string;
}

/** The path of a claim, opened from a queue view when `context` is given. */
export function claimPath(id: string, context?: QueueContext | null): string {
  const path = `/claims/${encodeURIComponent(id)}`;
  if (!context) return path;
  const params = new URLSearchParams({ queue: context.search, after: context.after });
  return `${path}?${params.toString()}`;
}

/** The queue context in a claim page's URL search params, or null when it was opened otherwise. */
export function queueContextOf(params: URLSearchParams): QueueContext | null {
  const after = params.get('after');
  if (after === null || after === '') return null;
  return { search: params.get('queue') ?? '', after };
}

/** The queue view of a context (or the default queue without one). */
export function queueViewPath(context: QueueContext | null): string {
  return context === null || context.search === '' ? '/queue' : `/queue?${context.search}`;
}

/** Whether a claim with this due date and status counts as overdue now. */
export function isOverdue(dueAt: string | null, status: ClaimStatus, now = Date.now()): boolean {
  if (dueAt === null || status === 'VERIFIED' || status === 'REJECTED') return false;
  const due = new Date(dueAt).getTime();
  return !Number.isNaN(due) && due < now;
}

/** A named shortcut to a set of filters, shown above the queue. */
export interface QueuePreset {
  key: 'mine' | 'unassigned' | 'adjudication' | 'disagreement' | 'overdue';
  label: string;
  filters: Partial<QueueFilters>;
}

export const QUEUE_PRESETS: readonly QueuePreset[] = [
  { key: 'mine', label: 'My queue', filters: { mine: true } },
  { key: 'unassigned', label: 'Unassigned', filters: { unassigned: true } },
  {
    key: 'adjudication',
    label: 'Needs adjudication',
    filters: { statuses: ['NEEDS_ADJUDICATION'] },
  },
  { key: 'disagreement', label: 'Disagreements', filters: { disagreement: true } },
  { key: 'overdue', label: 'Overdue', filters: { overdue: true } },
];

/** The filters of a preset: only its own, keeping the current project and sort. */
export function presetFilters(preset: QueuePreset, current: QueueFilters): QueueFilters {
  return {
    ...parseQueueFilters(new URLSearchParams()),
    project: current.project,
    sort: current.sort,
    ...preset.filters,
  };
}

/** Whether `current` is exactly what `preset` would show. */
export function isPresetActive(preset: QueuePreset, current: QueueFilters): boolean {
  return (
    queueFiltersToParams(presetFilters(preset, current)).toString() ===
    queueFiltersToParams(current).toString()
  );
}
