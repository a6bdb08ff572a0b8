import { describe, expect, it } from 'vitest';
import {
  QUEUE_PRESETS,
  claimPath,
  countActiveFilters,
  isOverdue,
  isPresetActive,
  parseQueueFilters,
  presetFilters,
  queueFiltersToParams,
  queueContextOf,
  queuePath,
  queueViewPath,
  toClaimFilter,
} from './queue-filters';

describe('queue filters in the URL', () => {
  it('round-trip: a shared link reproduces the same filters', () => {
    const search =
      'project=p1&status=NEW&status=IN_REVIEW&priority=URGENT&topic=election&q=detained&dueFrom=2021-01-01&overdue=1&contradiction=1&sort=DUE_ASC';
    const filters = parseQueueFilters(new URLSearchParams(search));
    expect(filters).toMatchObject({
      project: 'p1',
      statuses: ['NEW', 'IN_REVIEW'],
      priorities: ['URGENT'],
      topics: ['election'],
      q: 'detained',
      dueFrom: '2021-01-01',
      overdue: true,
      contradiction: true,
      sort: 'DUE_ASC',
    });
    expect(parseQueueFilters(queueFiltersToParams(filters))).toEqual(filters);
    expect(countActiveFilters(filters)).toBe(9);
  });

  it('keeps the assignee in the URL and sends it as assigneeId; a preset clears it', () => {
    const filters = parseQueueFilters(new URLSearchParams('assignee=r1&status=IN_REVIEW'));
    expect(filters.assignee).toBe('r1');
    expect(queueFiltersToParams(filters).toString()).toBe('status=IN_REVIEW&assignee=r1');
    expect(toClaimFilter(filters)).toEqual({ statuses: ['IN_REVIEW'], assigneeId: 'r1' });
    expect(countActiveFilters(filters)).toBe(2);
    expect(parseQueueFilters(new URLSearchParams('assignee=')).assignee).toBeNull();
    expect(presetFilters(QUEUE_PRESETS[0]!, filters).assignee).toBeNull();
  });

  it('drops unknown statuses, priorities, sorts and malformed dates instead of sending them', () => {
    const filters = parseQueueFilters(
      new URLSearchParams(
        'status=BOGUS&status=NEW&status=NEW&priority=SOON&sort=RANDOM&createdFrom=yesterday',
      ),
    );
    expect(filters.statuses).toEqual(['NEW']);
    expect(filters.priorities).toEqual([]);
    expect(filters.sort).toBe('UPDATED_DESC');
    expect(filters.createdFrom).toBe('');
  });

  it('leaves defaults out of links and maps to the API filter', () => {
    expect(queuePath()).toBe('/queue');
    expect(queuePath({ project: 'p1' })).toBe('/queue?project=p1');
    const filter = toClaimFilter(
      parseQueueFilters(new URLSearchParams('q=%20march%20&contradiction=1')),
    );
    expect(filter).toEqual({ text: 'march', hasContradiction: true });
  });

  it('round-trips the review presets and maps them to the API filter', () => {
    const filters = parseQueueFilters(new URLSearchParams('mine=1&unassigned=1&disagreement=1'));
    expect(filters).toMatchObject({ mine: true, unassigned: true, disagreement: true });
    expect(parseQueueFilters(queueFiltersToParams(filters))).toEqual(filters);
    expect(countActiveFilters(filters)).toBe(3);
    expect(toClaimFilter(filters)).toEqual({
      assignedToMe: true,
      unassigned: true,
      disagreement: true,
    });
    expect(queuePath({ mine: true })).toBe('/queue?mine=1');
    expect(parseQueueFilters(new URLSearchParams('mine=0')).mine).toBe(false);
  });

  it('applies a preset on its own, keeping project and sort', () => {
    const current = parseQueueFilters(new URLSearchParams('project=p1&q=march&sort=DUE_ASC'));
    const adjudication = QUEUE_PRESETS.find((preset) => preset.key === 'adjudication');
    if (adjudication === undefined) throw new Error('missing preset');
    const next = presetFilters(adjudication, current);
    expect(queueFiltersToParams(next).toString()).toBe(
      'project=p1&status=NEEDS_ADJUDICATION&sort=DUE_ASC',
    );
    expect(isPresetActive(adjudication, next)).toBe(true);
    expect(isPresetActive(adjudication, current)).toBe(false);
  });

  it('counts a claim as overdue only while it is still open', () => {
    const now = Date.parse('2021-01-20T00:00:00Z');
    expect(isOverdue('2021-01-19T00:00:00Z', 'IN_REVIEW', now)).toBe(true);
    expect(isOverdue('2021-01-19T00:00:00Z', 'VERIFIED', now)).toBe(false);
    expect(isOverdue('2021-01-21T00:00:00Z', 'NEW', now)).toBe(false);
    expect(isOverdue(null, 'NEW', now)).toBe(false);
  });

  it('keeps the queue view and the claim’s place in it in the claim’s link, through a reload', () => {
    const search = 'mine=1&status=IN_REVIEW&q=rigged%20%26%20stolen&sort=DUE_ASC';
    const path = claimPath('c 1', { search, after: 'eyJrIjpbMV19' });
    expect(path.startsWith('/claims/c%201?')).toBe(true);
    // What the claim page reads back from its own address.
    const context = queueContextOf(new URL(path, 'http://x').searchParams);
    expect(context).toEqual({ search, after: 'eyJrIjpbMV19' });
    expect(queueViewPath(context)).toBe(`/queue?${search}`);
    const filters = parseQueueFilters(new URLSearchParams(context?.search));
    expect(filters).toMatchObject({ mine: true, q: 'rigged & stolen', sort: 'DUE_ASC' });
    // The default view, and a claim opened from elsewhere (no place in a queue).
    const plain = claimPath('c1', { search: '', after: 'abc' });
    expect(queueViewPath(queueContextOf(new URL(plain, 'http://x').searchParams))).toBe('/queue');
    expect(claimPath('c1')).toBe('/claims/c1');
    expect(queueContextOf(new URLSearchParams('queue=mine%3D1'))).toBeNull();
    expect(queueViewPath(null)).toBe('/queue');
  });
});
