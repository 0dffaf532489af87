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

  it('adds the published rates as their own dataset, and leaves out computed zero bars when none is computed', () => {
    const both = implementationChartData(
      [
        { label: '1', rate: 50, published: 47 },
        { label: '5', rate: null, published: null },
      ],
      'Computed',
      'Published',
    );
    expect(both.datasets.map((d) => [d.label, d.data])).toEqual([
      ['Computed', [50, 0]],
      ['Published', [47, null]],
    ]);
    const publishedOnly = implementationChartData(
      [
        { label: '1', rate: null, published: 47 },
        { label: '5', rate: null, published: null },
      ],
      'Computed',
      'Published',
    );
    expect(publishedOnly.datasets.map((d) => [d.label, d.data])).toEqual([['Published', [47, null]]]);
  });
});
