import type { ChartConfiguration, ChartData } from 'chart.js';

export interface RateRow {
  label: string;
  rate: number | null;
}

/** Rows (an objective, a sector …) → one bar dataset of implementation rates, 0–100 (none → 0 bar). */
export function implementationChartData(
  rows: readonly RateRow[],
  datasetLabel: string,
): ChartData<'bar', number[], string> {
  return {
    labels: rows.map((r) => r.label),
    datasets: [
      {
        label: datasetLabel,
        data: rows.map((r) => r.rate ?? 0),
        backgroundColor: '#2f6f8f',
        borderRadius: 2,
      },
    ],
  };
}

/** Horizontal bars of rates, 0–100, without the page-only settings (responsive, size). */
export function implementationChartConfig(
  rows: readonly RateRow[],
  axisTitle = 'Implementation rate (%)',
): ChartConfiguration<'bar', number[], string> {
  return {
    type: 'bar',
    data: implementationChartData(rows, axisTitle),
    options: {
      animation: false,
      indexAxis: 'y',
      scales: {
        x: { min: 0, max: 100, title: { display: true, text: axisTitle } },
        y: { grid: { display: false } },
      },
      plugins: { legend: { display: false }, tooltip: { callbacks: { label: (i) => `${i.raw} %` } } },
    },
  };
}
