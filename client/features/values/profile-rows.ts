import type { Indicator, IndicatorValue, Level, Sector } from '../../../shared';

export interface ProfileRow {
  id: number;
  code: string;
  name: string;
  subItem: string | null;
  sectors: Sector[];
  level: Level | null;
  /** The level's wording from the framework, e.g. "Joint working on issues …". */
  wording: string | null;
}

/**
 * One row per A–E indicator of the framework, in the framework's order, with the
 * country's answer (or none). Indicators come from the framework so an unanswered
 * indicator shows as unanswered instead of disappearing.
 */
export function toProfileRows(
  indicators: readonly Indicator[],
  values: readonly IndicatorValue[],
): ProfileRow[] {
  const byIndicator = new Map(values.map((v) => [v.indicatorId, v]));
  return indicators
    .filter((i) => i.measureType === 'level')
    .toSorted((a, b) => a.sortOrder - b.sortOrder)
    .map((i) => {
      const level = byIndicator.get(i.id)?.level ?? null;
      return {
        id: i.id,
        code: i.code,
        name: i.name,
        subItem: i.subItem,
        sectors: i.sectors,
        level,
        wording: level && i.levels ? i.levels[level] : null,
      };
    });
}

/** True when the country gave at least one A–E answer in the round. */
export function hasLevelAnswers(values: readonly IndicatorValue[]): boolean {
  return values.some((v) => v.status === 'reported' && v.level !== null);
}
