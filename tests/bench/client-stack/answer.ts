/**
 * The libraries page's answer: a comparison as the API writes it (the shape of CompareResultSchema), built
 * from the floor page's chart data so both pages draw the same bars. Bench input, not content.
 */
import type { z } from 'zod';
import type { CompareResultSchema } from '../../../shared/api/compare';
import { floorData } from '../client-floor/data';

const LEVELS = ['A', 'B', 'C', 'D', 'E'] as const;

export function libraryAnswer(): z.input<typeof CompareResultSchema> {
  const { labels, levels } = floorData();
  return {
    framework: 'bench-round',
    period: '2024',
    source: 'published',
    country: {
      iso3: 'JOR',
      iso2: 'JO',
      m49Code: '400',
      name: 'Jordan',
      isoName: 'Jordan',
      whoMember: true,
      whoRegion: 'EMR',
      unRegion: 'Asia',
      unSubregion: 'Western Asia',
      incomeGroup: 'UMC',
    },
    group: { type: 'who_region', key: 'EMR', label: 'EMR', members: ['JOR'], classification: null },
    rows: labels.map((code, i) => ({
      indicator: { id: i + 1, code, name: code, section: null, sectors: [], levels: null },
      countryLevel: LEVELS[(levels[i] ?? 1) - 1] ?? null,
      stats: { n: 1, distribution: { A: 0, B: 0, C: 1, D: 0, E: 0 }, median: 3, q1: 3, q3: 3 },
      rank: 1,
      percentile: 50,
    })),
  };
}
