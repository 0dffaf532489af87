import {
  type Indicator,
  type IndicatorValue,
  isChoiceMeasure,
  type Level,
  type NationalReport,
  type Sector,
  type ValueStatus,
} from '../../../shared';

export interface ProfileRow {
  id: number;
  code: string;
  name: string;
  subItem: string | null;
  sectors: Sector[];
  /** What the question takes: a level A–E, one option, or several. */
  kind: 'level' | 'single_choice' | 'multiple_choice';
  /** The published answer's status (not applicable …), null without an answer. */
  status: ValueStatus | null;
  level: Level | null;
  /** The level's wording from the framework, e.g. "Joint working on …". */
  wording: string | null;
  /** The options chosen, as the framework words them, in its order (choice questions only). */
  choices: string[] | null;
  /** The country's latest own report on this question (its national data, never the published answer). */
  national: NationalReport | null;
  /** The wording of the national report's level, from the same question. */
  nationalWording: string | null;
}

/**
 * One row per A–E and choice question of the framework, in the framework's order, with the
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
    .filter((i) => i.measureType === 'level' || isChoiceMeasure(i.measureType))
    .toSorted((a, b) => a.sortOrder - b.sortOrder)
    .map((i) => {
      const value = byIndicator.get(i.id);
      const level = value?.level ?? null;
      const national = latestReport.get(i.id) ?? null;
      const chosen = value?.status === 'reported' ? (value.choices ?? null) : null;
      return {
        id: i.id,
        code: i.code,
        name: i.name,
        subItem: i.subItem,
        sectors: i.sectors,
        kind: i.measureType as ProfileRow['kind'],
        status: value?.status ?? null,
        level,
        wording: level && i.levels ? i.levels[level] : null,
        choices: chosen && (i.options ?? []).filter((o) => chosen.includes(o.code)).map((o) => o.label),
        national,
        nationalWording: national?.level && i.levels ? i.levels[national.level] : null,
      };
    });
}

/** True when the country gave at least one A–E answer in the round. */
export function hasLevelAnswers(values: readonly IndicatorValue[]): boolean {
  return values.some((v) => v.status === 'reported' && v.level !== null);
}
