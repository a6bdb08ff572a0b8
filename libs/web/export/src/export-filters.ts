import type { Priority } from '@corroborate/graphql';
import { dateInputToLocalIso, isDateInputValue, PRIORITIES } from '@corroborate/web-ui';

export const EXPORT_FORMAT_OPTIONS = [
  {
    value: 'jsonld',
    label: 'ClaimReview JSON-LD',
    description: 'schema.org ClaimReview, for search engines and fact-check aggregators.',
  },
  {
    value: 'csv',
    label: 'CSV',
    description: 'One row per claim with its verdict, for spreadsheets.',
  },
  {
    value: 'ndjson',
    label: 'NDJSON',
    description:
      'One JSON record per line with everything behind the verdict: evidence, sources and grades, capture hashes, assessments.',
  },
] as const;
export type ExportFormatValue = (typeof EXPORT_FORMAT_OPTIONS)[number]['value'];

/**
 * The export page's state as it lives in the URL:
 * `/export?format=csv&project=…&priority=HIGH&topic=…&q=…&createdFrom=YYYY-MM-DD&createdTo=…
 *  &verifiedFrom=…&verifiedTo=…`.
 */
export interface ExportForm {
  format: ExportFormatValue;
  project: string | null;
  priorities: Priority[];
  topics: string[];
  q: string;
  createdFrom: string;
  createdTo: string;
  verifiedFrom: string;
  verifiedTo: string;
}

const DATE_FIELDS = ['createdFrom', 'createdTo', 'verifiedFrom', 'verifiedTo'] as const;

function isFormat(value: string | null): value is ExportFormatValue {
  return EXPORT_FORMAT_OPTIONS.some((o) => o.value === value);
}

export function exportFormFromParams(params: URLSearchParams): ExportForm {
  const format = params.get('format');
  const date = (name: string) => {
    const value = params.get(name) ?? '';
    return isDateInputValue(value) ? value : '';
  };
  return {
    format: isFormat(format) ? format : 'jsonld',
    project: params.get('project') || null,
    priorities: params
      .getAll('priority')
      .filter((p): p is Priority => (PRIORITIES as readonly string[]).includes(p)),
    topics: params.getAll('topic').filter((t) => t.trim() !== ''),
    q: params.get('q') ?? '',
    createdFrom: date('createdFrom'),
    createdTo: date('createdTo'),
    verifiedFrom: date('verifiedFrom'),
    verifiedTo: date('verifiedTo'),
  };
}

export function exportFormToParams(form: ExportForm): URLSearchParams {
  const params = new URLSearchParams();
  if (form.format !== 'jsonld') params.set('format', form.format);
  if (form.project) params.set('project', form.project);
  for (const p of form.priorities) params.append('priority', p);
  for (const t of form.topics) params.append('topic', t);
  if (form.q.trim()) params.set('q', form.q.trim());
  for (const field of DATE_FIELDS) if (form[field]) params.set(field, form[field]);
  return params;
}

/**
 * The filter the export endpoint takes. Calendar dates are whole local days: "from" is the start
 * of the day, "to" its end.
 */
export function exportFilterOf(form: ExportForm): Record<string, string | string[]> {
  const filter: Record<string, string | string[]> = {};
  if (form.project) filter['projectId'] = form.project;
  if (form.priorities.length) filter['priorities'] = form.priorities;
  if (form.topics.length) filter['topics'] = form.topics;
  if (form.q.trim()) filter['text'] = form.q.trim();
  for (const field of DATE_FIELDS) {
    const iso = dateInputToLocalIso(form[field], field.endsWith('From') ? 'start' : 'end');
    if (iso) filter[field] = iso;
  }
  return filter;
}
