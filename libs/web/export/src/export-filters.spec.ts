import { describe, expect, it } from 'vitest';
import { exportFilterOf, exportFormFromParams, exportFormToParams } from './export-filters';

describe('export page URL state', () => {
  it('reads the URL, dropping unknown priorities, bad dates and formats', () => {
    const form = exportFormFromParams(
      new URLSearchParams(
        'format=csv&project=p1&priority=HIGH&priority=SOON&topic=UN&topic=%20&q=detained&createdFrom=2021-01-01&createdTo=nope&format2=x',
      ),
    );
    expect(form).toEqual({
      format: 'csv',
      project: 'p1',
      priorities: ['HIGH'],
      topics: ['UN'],
      q: 'detained',
      createdFrom: '2021-01-01',
      createdTo: '',
      verifiedFrom: '',
      verifiedTo: '',
    });
    expect(exportFormFromParams(new URLSearchParams('format=pdf')).format).toBe('jsonld');
  });

  it('round-trips through the URL', () => {
    const params =
      'format=ndjson&project=p1&priority=LOW&priority=URGENT&topic=a&q=x&verifiedTo=2021-02-01';
    expect(exportFormToParams(exportFormFromParams(new URLSearchParams(params))).toString()).toBe(
      params,
    );
  });

  it('sends whole local days and only what is set', () => {
    const form = exportFormFromParams(
      new URLSearchParams('project=p1&priority=HIGH&verifiedFrom=2021-01-20&verifiedTo=2021-01-20'),
    );
    const filter = exportFilterOf(form);
    expect(Object.keys(filter).sort()).toEqual([
      'priorities',
      'projectId',
      'verifiedFrom',
      'verifiedTo',
    ]);
    expect(new Date(filter['verifiedFrom'] as string).getHours()).toBe(0);
    expect(new Date(filter['verifiedTo'] as string).getHours()).toBe(23);
    expect(
      Date.parse(filter['verifiedTo'] as string) - Date.parse(filter['verifiedFrom'] as string),
    ).toBe(24 * 3600 * 1000 - 1);
  });
});
