import type { CompareSource, HeatmapResult } from '../../../shared';
import { useHeatmap } from './api/get-heatmap';

/**
 * The pinned case-study country's row of a heatmap: taken from the group when it is a member,
 * otherwise asked for on its own (a one-country group), so it can be shown beside any group.
 */
export function useCaseStudyRow(
  heatmap: HeatmapResult | undefined,
  caseStudy: string | null,
  period: string,
  /** The same data as the group's heatmap. */
  source: CompareSource = 'published',
) {
  const inGroup = heatmap?.countries.find((c) => c.iso3 === caseStudy);
  const own = useHeatmap(
    { framework: heatmap?.framework ?? '', period, groupType: 'countries', group: caseStudy ?? '', source },
    { enabled: Boolean(heatmap && caseStudy && !inGroup) },
  );
  if (!heatmap || !caseStudy) return { row: undefined, member: false };
  if (inGroup) return { row: inGroup, member: true };
  return { row: own.data?.countries[0], member: false };
}
