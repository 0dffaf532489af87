import type { Indicator, IndicatorValue, Level, NationalReport, Sector } from '../../../shared';

export interface ProfileRow {
  id: number;
  code: string;
  name: string;
  subItem: string | null;
  sectors: Sector[];
  level: Level | null;
  /** The level's wording from the framework, e.g. "Joint working on issues …". */
  wording: string | null;
  /** The country's latest own report on this question (its national data, never the published answer). */
  national: NationalReport | null;
  /** The wording of the national report's level, from the same question. */
  nationalWording: string | null;
}

/**
 * One row per A–E indicator of the framework, in the framework's order, with the
 * country's answer (or none). Indicators come from the framework so an unanswered
 * indicator shows as unanswered instead of disappearing. Beside the published answer, the
 * country's latest national report on the question, if any (`reports` come newest first).
 */
export function toProfileRows(
  indicators: readonly Indicator[],
  values: readonly IndicatorValue[],
  reports: readonly NationalReport[] = [],
): ProfileRow[] {
  const byIndicator = new Map(values.map((v) => [v.indicatorId, v]));
  const latestReport = new Map<number, NationalReport>();
  for (const r of reports) if (!latestReport.has(r.questionId)) latestReport.set(r.questionId, r);
  return indicators
    .filter((i) => i.measureType === 'level')
    .toSorted((a, b) => a.sortOrder - b.sortOrder)
    .map((i) => {
      const level = byIndicator.get(i.id)?.level ?? null;
      const national = latestReport.get(i.id) ?? null;
      return {
        id: i.id,
        code: i.code,
        name: i.name,
        subItem: i.subItem,
        sectors: i.sectors,
        level,
        wording: level && i.levels ? i.levels[level] : null,
        national,
        nationalWording: national?.level && i.levels ? i.levels[national.level] : null,
      };
    });
}

/** True when the country gave at least one A–E answer in the round. */
export function hasLevelAnswers(values: readonly IndicatorValue[]): boolean {
  return values.some((v) => v.status === 'reported' && v.level !== null);
}
