import type { Role } from '@corroborate/graphql';

/** Who sees the dashboard (the server checks the same). */
export const DASHBOARD_ROLES: readonly Role[] = ['ADMIN', 'EDITOR'];

/** The dashboard's filters, as they live in the URL (`?project=…&from=YYYY-MM-DD&to=…`). */
export interface DashboardForm {
  project: string | null;
  from: string;
  to: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function isDay(value: string): boolean {
  if (!DAY.test(value)) return false;
  const date = new Date(`${value}T00:00:00.000Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export function dashboardFormFromParams(params: URLSearchParams): DashboardForm {
  const day = (name: string) => {
    const value = params.get(name) ?? '';
    return isDay(value) ? value : '';
  };
  return { project: params.get('project') || null, from: day('from'), to: day('to') };
}

export function dashboardFormToParams(form: DashboardForm): URLSearchParams {
  const params = new URLSearchParams();
  if (form.project) params.set('project', form.project);
  if (form.from) params.set('from', form.from);
  if (form.to) params.set('to', form.to);
  return params;
}

/** The API filter, or a message naming the field when the range cannot be asked for. */
export function dashboardFilterOf(
  form: DashboardForm,
):
  | { filter: { projectId?: string; from?: string; to?: string }; error: null }
  | { filter: null; error: { field: 'to'; message: string } } {
  if (form.from && form.to && form.from > form.to)
    return {
      filter: null,
      error: { field: 'to', message: 'The range ends before it starts: pick a later “To” day.' },
    };
  return {
    filter: {
      ...(form.project ? { projectId: form.project } : {}),
      ...(form.from ? { from: form.from } : {}),
      ...(form.to ? { to: form.to } : {}),
    },
    error: null,
  };
}

export const RANGE_PRESETS = [
  { label: 'Last 30 days', days: 30 },
  { label: 'Last 90 days', days: 90 },
  { label: 'Last 12 months', days: 365 },
] as const;

/** `from`/`to` (UTC days, inclusive) of the last `days` days up to `today`. */
export function lastDays(days: number, today: Date): { from: string; to: string } {
  const to = today.toISOString().slice(0, 10);
  const from = new Date(today.getTime() - (days - 1) * 86_400_000).toISOString().slice(0, 10);
  return { from, to };
}

/** A duration for people: minutes, hours or days, one decimal where it helps. */
export function formatDuration(seconds: number): string {
  if (seconds < 3600) return `${Math.max(1, Math.round(seconds / 60))} min`;
  if (seconds < 48 * 3600) {
    const hours = seconds / 3600;
    return `${hours < 10 ? hours.toFixed(1) : Math.round(hours)} h`;
  }
  const days = seconds / 86_400;
  return `${days < 10 ? days.toFixed(1) : Math.round(days)} days`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "10 Aug 2020" for a week's Monday (YYYY-MM-DD). */
export function formatDay(day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  return `${date} ${MONTHS[month - 1]} ${year}`;
}

/** "Aug 2020" for YYYY-MM. */
export function formatMonth(month: string): string {
  const [year, m] = month.split('-').map(Number);
  return `${MONTHS[m - 1]} ${year}`;
}

/** The queue showing the claims behind a figure: same project and intake days, plus `extra`. */
export function queueLink(form: DashboardForm, extra: [string, string][]): string {
  const params = new URLSearchParams();
  if (form.project) params.set('project', form.project);
  for (const [name, value] of extra) params.append(name, value);
  if (form.from) params.set('createdFrom', form.from);
  if (form.to) params.set('createdTo', form.to);
  return `/queue?${params.toString()}`;
}
