import {
  type ImplementationStatus,
  implementationRate,
  implementationRateBy,
  implementationRateBySector,
  type Plan,
  type PlanActivity,
  type PlanIntervention,
  type Provenance,
  SECTORS,
  type Sector,
} from '../../../shared';
import { type IndicatorJoin, toIndicator } from './assemble-indicator';
import type {
  ActivityRow,
  InterventionRow,
  LatestValue,
  ObjectiveBudgetRow,
  ObjectiveRow,
  PlanRow,
  TargetRow,
} from './repository';

export const IMPLEMENTATION_RULE =
  'Per activity: completed = 100 %, ongoing = its % complete, not started = 0 %; cancelled activities and ' +
  'activities whose status is not reported are left out. A rate is the unweighted mean over the counted ' +
  'activities (as Jordan’s end-term evaluation of its NAP 2018–2022 reported them). An activity counts in ' +
  'each of its One Health sectors.';

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
