import type { HeatmapCountry } from '../../../shared';
import { WHO_REGIONS } from '../../../shared/constants/country';

export const HEATMAP_SORTS = ['country', 'region', 'score'] as const;
export type HeatmapSortKey = (typeof HEATMAP_SORTS)[number];
export type SortDirection = 'asc' | 'desc';

export interface HeatmapSort {
  key: HeatmapSortKey;
  dir: SortDirection;
}

/** Default direction of each key: names A→Z, regions in WHO order, highest score first. */
export const DEFAULT_DIRECTION: Record<HeatmapSortKey, SortDirection> = {
  country: 'asc',
  region: 'asc',
  score: 'desc',
};

export function sortFromSearchParams(params: URLSearchParams): HeatmapSort {
  const raw = params.get('sort');
  const key = (HEATMAP_SORTS as readonly string[]).includes(raw ?? '') ? (raw as HeatmapSortKey) : 'score';
  const dir = params.get('dir');
  return { key, dir: dir === 'asc' || dir === 'desc' ? dir : DEFAULT_DIRECTION[key] };
}

/** Clicking a column: a new key starts in its default direction; the same key flips. */
export function nextSort(current: HeatmapSort, key: HeatmapSortKey): HeatmapSort {
  if (current.key !== key) return { key, dir: DEFAULT_DIRECTION[key] };
  return { key, dir: current.dir === 'asc' ? 'desc' : 'asc' };
}

const byName = (a: HeatmapCountry, b: HeatmapCountry) => a.name.localeCompare(b.name, 'en');
const regionIndex = (c: HeatmapCountry) =>
  c.whoRegion ? WHO_REGIONS.indexOf(c.whoRegion) : WHO_REGIONS.length;

/**
 * Sorted copy of the rows. Ties (same region, same score) fall back to the name A→Z whatever the
 * direction, so the order is stable and predictable; countries without a score come last.
 */
export function sortHeatmapRows(rows: readonly HeatmapCountry[], sort: HeatmapSort): HeatmapCountry[] {
  const sign = sort.dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    if (sort.key === 'country') return sign * byName(a, b);
    if (sort.key === 'region') return sign * (regionIndex(a) - regionIndex(b)) || byName(a, b);
    if (a.score === null || b.score === null) return (a.score === null ? 1 : 0) - (b.score === null ? 1 : 0);
    return sign * (a.score - b.score) || byName(a, b);
  });
}
