import { describe, expect, it } from 'vitest';
import {
  dashboardFilterOf,
  dashboardFormFromParams,
  dashboardFormToParams,
  formatDay,
  formatDuration,
  formatMonth,
  lastDays,
} from './dashboard-filters';

describe('dashboard URL state', () => {
  it('reads the URL, dropping days that are not days', () => {
    expect(
      dashboardFormFromParams(new URLSearchParams('project=p1&from=2020-08-01&to=2020-02-30')),
    ).toEqual({ project: 'p1', from: '2020-08-01', to: '' });
    expect(dashboardFormFromParams(new URLSearchParams('from=yesterday'))).toEqual({
      project: null,
      from: '',
      to: '',
    });
  });

  it('round-trips through the URL and leaves empty filters out', () => {
    const params = 'project=p1&from=2020-08-01&to=2020-09-30';
    expect(
      dashboardFormToParams(dashboardFormFromParams(new URLSearchParams(params))).toString(),
    ).toBe(params);
    expect(dashboardFormToParams({ project: null, from: '', to: '' }).toString()).toBe('');
  });

  it('builds the API filter, and refuses a range that ends before it starts', () => {
    expect(dashboardFilterOf({ project: 'p1', from: '2020-08-01', to: '' })).toEqual({
      filter: { projectId: 'p1', from: '2020-08-01' },
      error: null,
    });
    const backwards = dashboardFilterOf({ project: null, from: '2020-09-02', to: '2020-09-01' });
    expect(backwards.filter).toBeNull();
    expect(backwards.error?.field).toBe('to');
  });

  it('computes preset ranges in UTC days, both ends included', () => {
    expect(lastDays(30, new Date('2020-09-30T23:00:00Z'))).toEqual({
      from: '2020-09-01',
      to: '2020-09-30',
    });
  });
});

describe('dashboard formatting', () => {
  it('says durations in minutes, hours or days', () => {
    expect(formatDuration(20)).toBe('1 min');
    expect(formatDuration(45 * 60)).toBe('45 min');
    expect(formatDuration(5.5 * 3600)).toBe('5.5 h');
    expect(formatDuration(30 * 3600)).toBe('30 h');
    expect(formatDuration(8 * 86_400)).toBe('8.0 days');
    expect(formatDuration(21.4 * 86_400)).toBe('21 days');
  });

  it('names weeks and months', () => {
    expect(formatDay('2020-08-10')).toBe('10 Aug 2020');
    expect(formatMonth('2020-12')).toBe('Dec 2020');
  });
});
