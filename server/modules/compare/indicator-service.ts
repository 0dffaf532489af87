import type {
  MeasureType,
  PeerGroupType,
  PlanStatus,
  SharedIndicator,
  SharedIndicatorList,
  SharedIndicatorResult,
  SharedIndicatorRow,
} from '../../../shared';
import { AppError } from '../../lib/errors';
import type { ServiceContext } from '../../service-context';
import type { Principal } from '../auth/permissions';
import { planReach } from '../plans/access';
import { toIndicator } from '../plans/assemble-indicator';
import { reportedValues, targetsOf } from '../plans/repository';
import { readScope } from '../visibility/scope';
import { resolveGroup } from './group';
import { findIndicatorRef, planIndicatorsTracking, trackedIndicators } from './indicator-repository';

type IndicatorRef = NonNullable<Awaited<ReturnType<typeof findIndicatorRef>>>;

/** The question countries track (a TrACSS question, or a national indicator): never a follower. */
const toRef = (i: IndicatorRef): SharedIndicator['indicator'] => ({
  id: i.id,
  frameworkCode: i.frameworkCode,
  code: i.code,
  name: i.name,
  unit: i.unit,
  measureType: i.measureType as MeasureType,
  national: i.frameworkCode.startsWith('national-'),
  follows: null,
  calculation: i.calculation,
  dataSource: i.dataSource,
  collectionMethod: i.collectionMethod,
  frequency: i.frequency,
});

/** May the caller see this plan? The plans' own rule (drafts only for who may see them). */
function visible(ctx: ServiceContext, p: Principal | null, iso3: string, status: string): boolean {
  const reach = planReach(ctx.policy, p, iso3);
  return reach === 'all' || (reach === 'approved' && status !== 'draft');
}

/** Indicators tracked by the plans the caller may see, with the countries tracking each, most shared first. */
export async function listSharedIndicators(
  ctx: ServiceContext,
  p: Principal | null,
): Promise<SharedIndicatorList> {
  const byId = new Map<number, SharedIndicator>();
  for (const r of await trackedIndicators(ctx.db)) {
    if (!visible(ctx, p, r.countryIso3, r.planStatus)) continue;
    const item = byId.get(r.indicator.id) ?? { indicator: toRef(r.indicator), countries: [] };
    if (!item.countries.includes(r.countryIso3)) item.countries.push(r.countryIso3);
    byId.set(r.indicator.id, item);
  }
  // Stable: the repository orders by framework and indicator; sort keeps that order among equals.
  const items = [...byId.values()].sort((a, b) => b.countries.length - a.countries.length);
  for (const i of items) i.countries.sort();
  return { items };
}

export interface SharedIndicatorInput {
  indicatorId: number;
  groupType: PeerGroupType;
  group?: string | undefined;
}

/**
 * One question side by side for the members of a group whose plans track it (directly, or through a
 * national indicator following it): latest value, baseline,
 * the target in force, % of target and status, computed as the plan view computes them (shared/domain/progress).
 * A country with several visible plans tracking it is shown with its newest.
 */
export async function sharedIndicator(
  ctx: ServiceContext,
  p: Principal | null,
  input: SharedIndicatorInput,
): Promise<SharedIndicatorResult> {
  const ref = await findIndicatorRef(ctx.db, input.indicatorId);
  if (!ref) throw new AppError(404, `indicatorId: no indicator ${input.indicatorId}`);
  const group = await resolveGroup(ctx.db, input.groupType, input.group, undefined, p);
  const tracking = (await planIndicatorsTracking(ctx.db, ref.id, group.members)).filter((t) =>
    visible(ctx, p, t.plan.countryIso3, t.plan.status),
  );
  const newest = new Map<string, (typeof tracking)[number]>();
  for (const t of tracking) if (!newest.has(t.plan.countryIso3)) newest.set(t.plan.countryIso3, t);
  const chosen = [...newest.values()];
  const targets = await targetsOf(
    ctx.db,
    chosen.map((t) => t.row.id),
  );
  const values = await reportedValues(
    ctx.db,
    readScope(ctx.policy, p),
    [...newest.keys()],
    chosen.map((t) => t.indicator.id),
  );

  const rows: SharedIndicatorRow[] = chosen.map((t) => {
    const pi = toIndicator(
      { row: t.row, indicator: t.indicator, follows: t.follows },
      targets.filter((x) => x.planIndicatorId === t.row.id),
      values.filter((v) => v.countryIso3 === t.plan.countryIso3),
    );
    return {
      iso3: t.plan.countryIso3,
      name: t.countryName,
      plan: {
        id: t.plan.id,
        title: t.plan.title,
        status: t.plan.status as PlanStatus,
        periodStart: t.plan.periodStart,
        periodEnd: t.plan.periodEnd,
      },
      planIndicatorId: pi.id,
      direction: pi.direction,
      baseline: pi.baseline,
      illustrative: pi.illustrative || (pi.progress.target?.illustrative ?? false),
      progress: pi.progress,
    };
  });
  return { indicator: toRef(ref), group, rows };
}
