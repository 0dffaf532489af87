import {
  type Direction,
  type Level,
  type MeasureType,
  type PlanIndicator,
  type PlanningElementKind,
  type PlanTarget,
  targetFor,
  type YearValue,
} from '../../../shared';
import { targetProgress } from './assemble-progress';
import type { LatestValue, planIndicatorsOf, TargetRow } from './repository';
import { rulesOfRow } from './rules';

/** A plan indicator's row with its indicator (and the question it follows), as the repository reads it. */
export type IndicatorJoin = Awaited<ReturnType<typeof planIndicatorsOf>>[number];

const amountOf = (value: number | null, level: string | null) => ({ value, level: level as Level | null });
const yv = (a: { value: number | null; level: Level | null }, year: number): YearValue | null => {
  const v = a.level ?? a.value;
  return v === null ? null : { value: v, year };
};

/** One plan indicator with its progress (also used by the shared-indicators comparison). */
export function toIndicator(j: IndicatorJoin, targets: TargetRow[], values: LatestValue[]): PlanIndicator {
  const r = j.row;
  const ts: PlanTarget[] = targets.map((t) => ({
    year: t.year,
    ...amountOf(t.value, t.level),
    illustrative: t.illustrative,
  }));
  const v = values.find((x) => x.indicatorId === j.indicator.id);
  const latest = v
    ? {
        ...amountOf(v.numericValue, v.level),
        text: j.indicator.measureType === 'text' ? v.textValue : null,
        periodCode: v.periodCode,
        year: Number(v.endDate.slice(0, 4)),
        source: v.source,
        sourceName: v.sourceName,
      }
    : null;
  const baseline =
    r.baselineYear !== null && (r.baselineValue !== null || r.baselineLevel !== null)
      ? { ...amountOf(r.baselineValue, r.baselineLevel), year: r.baselineYear, source: r.baselineSource }
      : null;
  const target = latest ? targetFor(ts, latest.year) : (ts.at(-1) ?? null);
  const direction = r.direction as Direction;
  const targetYv = target ? yv(target, target.year) : null;
  const input = targetYv && {
    direction,
    baseline: baseline ? yv(baseline, baseline.year) : null,
    target: targetYv,
    current: latest ? yv(latest, latest.year) : null,
  };
  return {
    id: r.id,
    objectiveId: r.objectiveId,
    interventionId: r.interventionId,
    activityId: r.activityId,
    planningElement:
      r.planningElementKind && r.planningElement
        ? { kind: r.planningElementKind as PlanningElementKind, text: r.planningElement }
        : null,
    indicator: {
      id: j.indicator.id,
      frameworkCode: j.indicator.frameworkCode,
      code: j.indicator.code,
      name: j.indicator.name,
      unit: j.indicator.unit,
      follows:
        j.follows?.id != null && j.follows.frameworkName != null
          ? {
              id: j.follows.id,
              frameworkCode: j.follows.frameworkCode as string,
              frameworkName: j.follows.frameworkName,
              code: j.follows.code as string,
            }
          : null,
      measureType: j.indicator.measureType as MeasureType,
      national: j.indicator.frameworkCode.startsWith('national-'),
      calculation: j.indicator.calculation,
      dataSource: j.indicator.dataSource,
      collectionMethod: j.indicator.collectionMethod,
      frequency: j.indicator.frequency,
    },
    baseline,
    direction,
    resultLevel: r.resultLevel as PlanIndicator['resultLevel'],
    typeText: r.typeText,
    sortOrder: r.sortOrder,
    illustrative: r.illustrative,
    version: r.version,
    targets: ts,
    targetText: r.targetText,
    rules: rulesOfRow(r),
    progress: {
      latest,
      target,
      ...targetProgress(input, latest?.source ?? null, Boolean(target?.illustrative || r.illustrative)),
    },
  };
}
