import type { PeerGroupType } from '../../../../shared';
import { TRACSS } from '../../../lib/tracss';
import { ExportMenu } from './export-menu';

/**
 * The Export menu of a comparison view: the data of the view's peer group (plus the compared
 * country and the pinned case study), and the comparison report of the same query.
 */
export function CompareExportMenu({
  query,
  caseStudy,
  country,
  framework = TRACSS.framework,
  basis,
}: {
  query: { groupType: PeerGroupType; group?: string | undefined };
  caseStudy: string | null;
  country?: string | undefined;
  framework?: string | undefined;
  /** The data and classification the view shows (source, classification): the report is asked for the same. */
  basis?: { source?: string; classification?: string } | undefined;
}) {
  const extra = [country, caseStudy].filter((c): c is string => !!c);
  return (
    <ExportMenu
      filters={{ ...query, framework, countries: [...new Set(extra)] }}
      comparisonReport={{ ...query, ...basis, framework, case: caseStudy ?? 'none' }}
    />
  );
}
