import type { ChartData } from 'chart.js';

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
