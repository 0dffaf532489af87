import { describe, expect, it } from 'vitest';
import { comparePointLabel, scoreTickLabel, toCompareChartData } from '../../shared/charts/compare-chart';
import { compareRow41, jordanCompare } from './support/fixtures';

describe('toCompareChartData', () => {
  const data = toCompareChartData(jordanCompare.rows, {
    country: 'Jordan',
    group: 'Eastern Mediterranean Region',
  });

  it('labels the x axis with indicator codes, in row order', () => {
    expect(data.labels).toEqual(['4.1', '6.2', '7.4']);
  });

  it("maps the country's levels to scores and a missing answer to a gap, not 0", () => {
    const [country] = data.datasets;
    expect(country?.label).toBe('Jordan');
    expect(country?.type).toBe('bar');
    expect(country?.data).toEqual([2, null, 5]);
  });

  it('maps quartiles to floating bars and medians to markers', () => {
    const [, iqr, median] = data.datasets;
    expect(iqr?.label).toBe('Eastern Mediterranean Region: middle half (Q1–Q3)');
    expect(iqr?.data).toEqual([
      [2, 4],
      [2, 4],
      [3, 3],
    ]);
    expect(median?.type).toBe('line');
    expect(median?.data).toEqual([3.5, 3, 3]);
  });

  it('leaves gaps where the group has no answers', () => {
    const empty = {
      ...compareRow41,
      stats: { n: 0, distribution: { A: 0, B: 0, C: 0, D: 0, E: 0 }, median: null, q1: null, q3: null },
    };
    const d = toCompareChartData([empty], { country: 'Jordan', group: 'G' });
    expect(d.datasets.map((s) => s.data)).toEqual([[2], [null], [null]]);
  });

  it('returns empty datasets for no rows', () => {
    const d = toCompareChartData([], { country: 'Jordan', group: 'G' });
    expect(d.labels).toEqual([]);
    expect(d.datasets.every((s) => s.data.length === 0)).toBe(true);
  });
});

describe('scoreTickLabel', () => {
  it('labels integral scores with level letters and hides the rest', () => {
    expect([0, 1, 2, 3, 4, 5, 2.5, '3'].map(scoreTickLabel)).toEqual(['', 'A', 'B', 'C', 'D', 'E', '', 'C']);
  });
});

describe('comparePointLabel', () => {
  it('speaks in letters', () => {
    expect(comparePointLabel('Jordan', 2)).toBe('Jordan: B');
    expect(comparePointLabel('Median', 3.5)).toBe('Median: C–D');
    expect(comparePointLabel('Q1–Q3', [2, 4])).toBe('Q1–Q3: B to D');
    expect(comparePointLabel('Jordan', null)).toBe('Jordan: no answer');
  });
});
