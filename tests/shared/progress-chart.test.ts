import { describe, expect, it } from 'vitest';
import { progressChartConfig, progressYears } from '../../shared/charts/progress-chart';

describe('progress chart (shared/charts, drawn by the client and in PDF reports)', () => {
  const series = {
    isLevel: false,
    baseline: { value: 20, year: 2018 },
    targets: [
      { value: 40, year: 2020 },
      { value: 60, year: 2022 },
    ],
    values: [
      { value: 25, year: 2019 },
      { value: 50, year: 2021 },
    ],
    from: 2018,
    to: 2022,
  };

  it('draws the target path from the baseline to the target in force each year, values with gaps', () => {
    const config = progressChartConfig(series);
    expect(config.type).toBe('line');
    expect(config.data.labels).toEqual(['2018', '2019', '2020', '2021', '2022']);
    const [path, targets, values] = config.data.datasets;
    // 2018–2020 toward 40 (20 → 40 over 2 years), 2021–2022 toward 60 (20 → 60 over 4 years).
    expect(path?.data).toEqual([20, 30, 40, 50, 60]);
    expect(targets?.data).toEqual([null, null, 40, null, 60]);
    // The baseline is the first point; a year without a value is a gap, not 0.
    expect(values?.data).toEqual([20, 25, null, 50, null]);
  });

  it('scales A–E indicators 1–5 and labels the ticks with the letters', () => {
    const config = progressChartConfig({
      ...series,
      isLevel: true,
      baseline: { value: 'B', year: 2018 },
      targets: [{ value: 'D', year: 2022 }],
      values: [{ value: 'C', year: 2020 }],
    });
    expect(config.data.datasets[2]?.data).toEqual([2, null, 3, null, null]);
    const y = config.options?.scales?.y as { max: number; ticks: { callback: (v: number) => string } };
    expect(y.max).toBe(5);
    expect(y.ticks.callback(4)).toBe('D');
  });

  it('runs from the baseline year when it is before the report, and to the next target', () => {
    expect(progressYears({ ...series, from: 2020, to: 2021 })).toEqual([2018, 2019, 2020, 2021, 2022]);
  });
});
