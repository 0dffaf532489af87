import {
  combineProvenance,
  type Direction,
  type ImplementationStatus,
  implementationRate,
  implementationRateBy,
  implementationRateBySector,
  type Level,
  type MeasureType,
  type Plan,
  type PlanActivity,
  type PlanIndicator,
  type PlanIntervention,
  type PlanningElementKind,
  type PlanTarget,
  type Provenance,
  percentOfTarget,
  progressStatus,
  SECTORS,
  type Sector,
  targetFor,
  type YearValue,
} from '../../../shared';
import type {
  ActivityRow,
  InterventionRow,
  LatestValue,
  ObjectiveBudgetRow,
  ObjectiveRow,
  PlanRow,
  planIndicatorsOf,
  TargetRow,
} from './repository';
import { rulesOfRow } from './rules';

export const IMPLEMENTATION_RULE =
  'Per activity: completed = 100 %, ongoing = its % complete, not started = 0 %; cancelled activities and ' +
  'activities whose status is not reported are left out. A rate is the unweighted mean over the counted ' +
  'activities (as Jordan’s end-term evaluation of its NAP 2018–2022 reported them). An activity counts in ' +
  'each of its One Health sectors.';

type IndicatorJoin = Awaited<ReturnType<typeof planIndicatorsOf>>[number];

export interface PlanParts {
  plan: PlanRow;
  objectives: ObjectiveRow[];
  budgets: ObjectiveBudgetRow[];
  interventions: InterventionRow[];
  activities: ActivityRow[];
  indicators: IndicatorJoin[];
  targets: TargetRow[];
  values: LatestValue[];
}

const amountOf = (value: number | null, level: string | null) => ({ value, level: level as Level | null });
const yv = (a: { value: number | null; level: Level | null }, year: number): YearValue | null => {
  const v = a.level ?? a.value;
  return v === null ? null : { value: v, year };
};

function toActivity(a: ActivityRow): PlanActivity {
  return {
    id: a.id,
    objectiveId: a.objectiveId,
    interventionId: a.interventionId,
    code: a.code,
    title: a.title,
    sectors: a.sectors as Sector[],
    leadAgency: a.leadAgency,
    timeline: a.timeline,
    plannedStart: a.plannedStart,
    plannedEnd: a.plannedEnd,
    budget: a.budget,
    currency: a.currency,
    fundingStatus: a.fundingStatus as PlanActivity['fundingStatus'],
    implementationStatus: a.implementationStatus as ImplementationStatus,
    percentComplete: a.percentComplete,
    illustrative: a.illustrative,
    version: a.version,
  };
}

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
      percentOfTarget: input ? percentOfTarget(input) : null,
      // Without a target there is nothing to be on track to.
      status: input ? progressStatus(input) : 'no_data',
      // A derived figure is illustrative when any of its inputs is.
      source:
        input && latest
          ? combineProvenance([latest.source, target?.illustrative || r.illustrative ? 'illustrative' : null])
          : null,
    },
  };
}

function budgetOf(objectives: ObjectiveRow[]): Plan['budget'] {
  const withBudget = objectives.filter((o) => o.budget !== null);
  const currencies = new Set(withBudget.map((o) => o.currency));
  if (withBudget.length === 0 || currencies.size !== 1) return null;
  // Sum in cents: the published figures are exact, floating point sums need not be.
  const cents = withBudget.reduce((s, o) => s + Math.round((o.budget as number) * 100), 0);
  return { total: cents / 100, currency: withBudget[0]?.currency as string };
}

function toIntervention(i: InterventionRow): PlanIntervention {
  return {
    id: i.id,
    objectiveId: i.objectiveId,
    code: i.code,
    title: i.title,
    strategicObjective:
      i.strategicObjectiveCode !== null && i.strategicObjectiveTitle !== null
        ? { code: i.strategicObjectiveCode, title: i.strategicObjectiveTitle }
        : null,
    sortOrder: i.sortOrder,
    version: i.version,
  };
}

/** The rate a published evaluation reported for the objective, with its citation (null: none quoted). */
function publishedRateOf(o: ObjectiveRow): Plan['objectives'][number]['publishedRate'] {
  if (o.publishedRateSource === null || (o.publishedRate === null && o.publishedRateNote === null))
    return null;
  return { rate: o.publishedRate, note: o.publishedRateNote, source: o.publishedRateSource };
}

/** Rows → the plan as the API shows it, with its progress computed by the shared functions. */
export function assemblePlan(parts: PlanParts): Plan {
  const { plan } = parts;
  const objectiveIds = new Set(parts.objectives.filter((o) => o.planId === plan.id).map((o) => o.id));
  const objectives = parts.objectives.filter((o) => objectiveIds.has(o.id));
  const activities = parts.activities.filter((a) => objectiveIds.has(a.objectiveId)).map(toActivity);
  const interventions = parts.interventions
    .filter((i) => objectiveIds.has(i.objectiveId))
    .map(toIntervention);
  // An activity's status is the country's (approved with the plan, or a draft's); illustrative when flagged.
  const national: Provenance = plan.status === 'draft' ? 'national_draft' : 'national_approved';
  const progress = activities.map((a) => ({
    ...a,
    status: a.implementationStatus,
    source: a.illustrative || plan.illustrative ? ('illustrative' as const) : national,
  }));
  const byObjective = implementationRateBy(progress, (a) => a.objectiveId);
  const bySector = implementationRateBySector(progress);
  const indicators = parts.indicators
    .filter((j) => j.row.planId === plan.id)
    .map((j) =>
      toIndicator(
        j,
        parts.targets.filter((t) => t.planIndicatorId === j.row.id),
        parts.values,
      ),
    );
  return {
    id: plan.id,
    countryIso3: plan.countryIso3,
    title: plan.title,
    periodStart: plan.periodStart,
    periodEnd: plan.periodEnd,
    status: plan.status as Plan['status'],
    generation: plan.generation,
    sourceNote: plan.sourceNote,
    illustrative: plan.illustrative,
    version: plan.version,
    budget: budgetOf(objectives),
    objectives: objectives.map((o) => ({
      id: o.id,
      code: o.code,
      title: o.title,
      gapObjective: o.gapObjective,
      budget: o.budget,
      currency: o.currency,
      budgetByYear: parts.budgets
        .filter((b) => b.objectiveId === o.id)
        .map((b) => ({ planYear: b.planYear, amount: b.amount, source: b.source })),
      sortOrder: o.sortOrder,
      illustrative: o.illustrative,
      version: o.version,
      implementation: byObjective.get(o.id) ?? implementationRate([]),
      publishedRate: publishedRateOf(o),
    })),
    interventions,
    activities,
    indicators,
    implementation: {
      overall: implementationRate(progress),
      bySector: SECTORS.flatMap((s) => {
        const r = bySector.get(s);
        return r ? [{ sector: s, ...r }] : [];
      }),
      rule: IMPLEMENTATION_RULE,
    },
  };
}
