import {
  type CompareResult,
  CompareResultSchema,
  type HeatmapResult,
  HeatmapResultSchema,
  type Level,
  peerStats,
} from '../../../shared';
import { egypt, i41, i62, i74, jordan, jordanCompare, ROUND_CLASSIFICATION } from './fixtures';

/** A small heatmap of four countries on three indicators; OMN did not answer. Parsed by the shared schema. */
const levels: Record<string, (Level | null)[]> = {
  EGY: ['B', 'C', 'D'],
  JOR: ['B', null, 'E'],
  LBN: ['C', 'B', 'B'],
  OMN: [null, null, null],
};
const scores: Record<string, number | null> = { EGY: 3, JOR: 3.5, LBN: 2.33, OMN: null };
const names: Record<string, [string, string]> = {
  EGY: ['Egypt', '818'],
  JOR: ['Jordan', '400'],
  LBN: ['Lebanon', '422'],
  OMN: ['Oman', '512'],
};
const income: Record<string, string> = { EGY: 'LMC', JOR: 'LMC', LBN: 'UMC', OMN: 'HIC' };

export const emrHeatmap: HeatmapResult = HeatmapResultSchema.parse({
  framework: 'tracss-2019-2020',
  period: '2019-2020',
  source: 'published',
  group: {
    type: 'who_region',
    key: 'EMR',
    label: 'Eastern Mediterranean Region',
    members: ['EGY', 'JOR', 'LBN', 'OMN'],
    classification: ROUND_CLASSIFICATION,
  },
  indicators: [i41, i62, i74].map((ind, col) => ({
    id: ind.id,
    code: ind.code,
    name: ind.name,
    section: ind.section,
    stats: peerStats(
      Object.values(levels)
        .map((l) => l[col] ?? null)
        .filter((l): l is Level => l !== null),
    ),
  })),
  countries: Object.keys(levels).map((iso3) => ({
    iso3,
    name: names[iso3]?.[0],
    m49Code: names[iso3]?.[1],
    whoRegion: 'EMR',
    incomeGroup: income[iso3],
    levels: levels[iso3],
    answered: levels[iso3]?.filter(Boolean).length,
    score: scores[iso3],
  })),
});

/** Egypt against the EMR: Jordan's fixture with Egypt as the country and other levels. */
export const egyptCompare: CompareResult = CompareResultSchema.parse({
  ...jordanCompare,
  country: egypt,
  rows: jordanCompare.rows.map((r, i) => ({
    ...r,
    countryLevel: (['B', 'C', 'D'] as const)[i],
    rank: [15, 6, 3][i],
    percentile: [35, 60, 80][i],
  })),
});

export { jordan };
