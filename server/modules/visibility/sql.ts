import { and, inArray, or, type SQL, sql } from 'drizzle-orm';
import { indicatorValues, valueProvenance } from '../../db/schema';
import type { ReadScope } from './scope';

/**
 * The scope as a condition on a query that joins value_provenance to indicator_values: the rows the
 * caller may see. Undefined when it sees everything (facilitators, administrators).
 */
export function visibleValues(
  s: ReadScope,
  v: { countryIso3: typeof indicatorValues.countryIso3 } = indicatorValues,
  vp: { workflow: typeof valueProvenance.workflow } = valueProvenance,
): SQL | undefined {
  const countries = s.countries === 'all' ? undefined : inSet(v.countryIso3, s.countries);
  if (s.drafts === 'all') return countries;
  const isPublic = inArray(vp.workflow, ['published', 'approved']);
  const drafts = s.drafts.size > 0 ? inSet(v.countryIso3, s.drafts) : undefined;
  return and(countries, drafts ? or(isPublic, drafts) : isPublic);
}

const inSet = (col: typeof indicatorValues.countryIso3, set: ReadonlySet<string>) =>
  set.size === 0 ? sql`false` : inArray(col, [...set]);
