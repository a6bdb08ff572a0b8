import { describe, it, expect } from 'vitest';
import { extractFigures } from './figure-extraction';

const summary = (text: string) =>
  extractFigures(text).map((f) => [f.text, f.value, f.qualifier, f.unit]);

describe('extractFigures', () => {
  it('reads qualifiers, thousands separators and units', () => {
    expect(summary('Protesters staged at least 30 marches and rallies.')).toEqual([
      ['at least 30', 30, 'AT_LEAST', 'marches'],
    ]);
    expect(summary('Authorities have detained more than 30,000 protesters.')).toEqual([
      ['more than 30,000', 30_000, 'MORE_THAN', 'protesters'],
    ]);
    expect(summary('Some 1.5 million people voted early.')).toEqual([
      ['Some 1.5 million', 1_500_000, 'ABOUT', 'people'],
    ]);
  });

  it('reads percentages in three spellings', () => {
    expect(summary('He won 80.1 percent; turnout was 84% and 5 per cent spoiled.')).toEqual([
      ['80.1 percent', 80.1, null, 'percent'],
      ['84%', 84, null, 'percent'],
      ['5 per cent', 5, null, 'percent'],
    ]);
  });

  it('reads spelled-out magnitudes', () => {
    expect(summary('Rallies drew tens of thousands of people.')).toEqual([
      ['tens of thousands', 10_000, 'ORDER_OF_MAGNITUDE', 'people'],
    ]);
    expect(summary('Hundreds of thousands marched; thousands were beaten.')).toEqual([
      ['Hundreds of thousands', 100_000, 'ORDER_OF_MAGNITUDE', 'marched'],
      ['thousands', 1_000, 'ORDER_OF_MAGNITUDE', null],
    ]);
    expect(summary('Several thousand people and two million viewers.')).toEqual([
      ['Several thousand', 1_000, 'ORDER_OF_MAGNITUDE', 'people'],
      ['two million', 2_000_000, null, 'viewers'],
    ]);
    expect(summary('At least five journalists were held.')).toEqual([
      ['At least five', 5, 'AT_LEAST', 'journalists'],
    ]);
  });

  it('ignores dates, years, ordinals, times and unqualified small number words', () => {
    expect(
      summary('On January 17 and 9 August, in 2020, the 5th rally at 10:30 lasted five hours.'),
    ).toEqual([]);
    expect(summary('The G7 met on Jan. 17.')).toEqual([]);
    expect(summary('More than 2020 people came.')).toEqual([
      ['More than 2020', 2020, 'MORE_THAN', 'people'],
    ]);
  });

  it('gives the asserted range for each qualifier', () => {
    const ranges = (text: string) => extractFigures(text).map((f) => [f.min, f.max]);
    expect(ranges('at least 30 marches')).toEqual([[30, Infinity]]);
    expect(ranges('up to 200 people')).toEqual([[0, 200]]);
    expect(ranges('fewer than 50 observers')).toEqual([[0, 50]]);
    expect(ranges('about 5,000 detainees')).toEqual([[4_500, 5_500]]);
    expect(ranges('nearly 100 cities')).toEqual([[90, 100]]);
    expect(ranges('exactly 7 people')).toEqual([[7, 7]]);
    expect(ranges('tens of thousands')).toEqual([[10_000, 99_999]]);
  });

  it('reports offsets of the figure including its qualifier', () => {
    const text = 'The UN says more than 30,000 were held.';
    const [figure] = extractFigures(text);
    expect(text.slice(figure.start, figure.end)).toBe('more than 30,000');
  });
});
