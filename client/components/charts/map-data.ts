import type { ChartData } from 'chart.js';
import type { HeatmapResult } from '../../../shared';
import { LEVEL_COLOURS, NO_ANSWER_FILL, OUTSIDE_GROUP_FILL } from '../../../shared/charts/palette';
import { LEVELS, type Level, levelToScore } from '../../../shared/constants/level';

/** One country's answer to the mapped indicator. */
export interface MapRow {
  iso3: string;
  name: string;
  m49Code: string | null;
  level: Level | null;
}

/** A map shape: world-atlas features carry the ISO 3166 numeric code as id ("400" = Jordan). */
export interface MapFeature {
  id?: string | number | undefined;
  properties: { name?: string } | null;
}

export type LevelCounts = Record<Level | 'none', number>;

/** The group's answers to one indicator, best level first, then by name. */
export function indicatorRows(heatmap: HeatmapResult, indicatorCode: string): MapRow[] {
  const col = heatmap.indicators.findIndex((i) => i.code === indicatorCode);
  if (col < 0) return [];
  const rank = (l: Level | null) => (l ? levelToScore(l) : 0);
  return heatmap.countries
    .map((c) => ({ iso3: c.iso3, name: c.name, m49Code: c.m49Code, level: c.levels[col] ?? null }))
    .sort((a, b) => rank(b.level) - rank(a.level) || a.name.localeCompare(b.name, 'en'));
}

/** How many members are at each level, and how many gave no answer. */
export function levelCounts(rows: readonly MapRow[]): LevelCounts {
  const counts: LevelCounts = { A: 0, B: 0, C: 0, D: 0, E: 0, none: 0 };
  for (const r of rows) counts[r.level ?? 'none'] += 1;
  return counts;
}

/** ISO numeric code as world-atlas spells it: three digits ("4" → "004"). */
const numeric = (code: string | number | undefined) =>
  code === undefined ? undefined : String(code).padStart(3, '0');

export interface ChoroplethPoint<F extends MapFeature> {
  feature: F;
  /** Score A = 1 … E = 5; NaN without a level (the fill says member or not). */
  value: number;
}

export type ChoroplethData<F extends MapFeature> = ChartData<'choropleth', ChoroplethPoint<F>[], string> & {
  /** Members with no shape on this map (small states): the table lists them. */
  unmapped: MapRow[];
};

/**
 * Joins the map's shapes to the group's answers by ISO 3166 numeric code (countries.m49_code).
 * Every shape is drawn: members in their level's colour (or the no-answer grey), other countries
 * in a pale grey. The case-study country gets a thick dark outline.
 */
export function toChoroplethData<F extends MapFeature>(
  features: readonly F[],
  rows: readonly MapRow[],
  caseStudy: string | null,
  label: string,
): ChoroplethData<F> {
  const byCode = new Map(rows.filter((r) => r.m49Code).map((r) => [r.m49Code as string, r]));
  const mapped = new Set<string>();
  const labels: string[] = [];
  const data: ChoroplethPoint<F>[] = [];
  const fill: string[] = [];
  const border: string[] = [];
  const width: number[] = [];
  for (const f of features) {
    const row = byCode.get(numeric(f.id) ?? '');
    if (row) mapped.add(row.iso3);
    const isCase = row !== undefined && row.iso3 === caseStudy;
    labels.push(row ? `${row.name}: ${row.level ?? 'no answer'}` : (f.properties?.name ?? 'Unknown'));
    data.push({ feature: f, value: row?.level ? levelToScore(row.level) : Number.NaN });
    fill.push(row ? (row.level ? LEVEL_COLOURS[row.level].fill : NO_ANSWER_FILL) : OUTSIDE_GROUP_FILL);
    border.push(isCase ? '#d55e00' : '#8a96a3');
    width.push(isCase ? 2.5 : 0.4);
  }
  return {
    labels,
    datasets: [{ label, data, backgroundColor: fill, borderColor: border, borderWidth: width }],
    unmapped: rows.filter((r) => !mapped.has(r.iso3)),
  };
}

export const LEGEND_ORDER = [...LEVELS, 'none'] as const;
