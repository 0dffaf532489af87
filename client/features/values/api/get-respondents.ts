import { useQuery } from '@tanstack/react-query';
import type { ValuePage } from '../../../../shared';
import { TRACSS } from '../../../lib/tracss';
import { valuesQueryOptions } from './get-values';

/**
 * Countries that answered the current TrACSS round: those with a value for an indicator
 * every respondent answered. One request (≈ 140 rows) shared by the home and countries pages.
 */
export const respondentsQuery = valuesQueryOptions({
  framework: TRACSS.framework,
  period: TRACSS.period,
  indicator: TRACSS.respondentIndicator,
  limit: 1000,
});

export function respondentsOf(page: ValuePage): Set<string> {
  return new Set(page.items.filter((v) => v.status === 'reported').map((v) => v.countryIso3));
}

export function useRespondents() {
  return useQuery({ ...respondentsQuery, select: respondentsOf });
}
