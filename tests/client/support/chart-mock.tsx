import type { ChartProps } from 'react-chartjs-2';

/**
 * Chart.js needs a real canvas, which jsdom lacks. Test files replace react-chartjs-2 with
 * this stand-in: a canvas carrying the same accessibility props and the dataset labels.
 *   vi.mock('react-chartjs-2', () => import('./support/chart-mock'));
 */
export function Chart(props: ChartProps<'bar' | 'line', unknown[], string> & { 'data-testid'?: string }) {
  const { data, role, 'aria-label': ariaLabel, 'data-testid': testId } = props;
  return (
    <canvas
      role={role}
      aria-label={ariaLabel}
      data-testid={testId}
      data-labels={JSON.stringify(data.labels)}
      data-datasets={JSON.stringify(data.datasets.map((d) => ({ label: d.label, data: d.data })))}
    />
  );
}
