import type { CompareResult, ComparisonReportQuery, HeatmapResult } from '../../../shared';
import type { DbOrTx } from '../../db/client';
import type { Principal } from '../auth/permissions';
import { groupHeatmap } from '../compare/heatmap-service';
import { compareCountry } from '../compare/service';
import type { ReadScope } from '../visibility/scope';

export interface ComparisonData {
  heatmap: HeatmapResult;
  /** The case study against the same group (rank, percentile); null with case=none. */
  caseStudy: CompareResult | null;
  generatedAt: Date;
}

/** The comparison report's numbers: the same services as /api/compare/heatmap and /api/compare. */
export async function comparisonData(
  db: DbOrTx,
  q: ComparisonReportQuery,
  viewer: Principal | null,
  scope: ReadScope,
  now: Date,
): Promise<ComparisonData> {
  const base = {
    framework: q.framework,
    period: q.period,
    groupType: q.groupType,
    group: q.group,
    viewer,
    source: q.source,
    classification: q.classification,
    scope,
  };
  const heatmap = await groupHeatmap(db, base);
  const caseStudy = q.case === 'none' ? null : await compareCountry(db, { ...base, country: q.case });
  return { heatmap, caseStudy, generatedAt: now };
}
