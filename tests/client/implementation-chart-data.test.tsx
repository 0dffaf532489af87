import { describe, expect, it } from 'vitest';
import { implementationChartData } from '../../shared/charts/implementation-chart';

describe('implementation chart data', () => {
  it('maps rows to one bar dataset, drawing a row without a rate as an empty bar', () => {
    const data = implementationChartData(
      [
        { label: 'SO1 Awareness', rate: 47 },
        { label: 'SO5 Research', rate: null },
      ],
      'Rate',
    );
    expect(data.labels).toEqual(['SO1 Awareness', 'SO5 Research']);
    expect(data.datasets).toHaveLength(1);
    expect(data.datasets[0]).toMatchObject({ label: 'Rate', data: [47, 0] });
  });
});
