import {
  type CompareResult,
  type Country,
  type Locale,
  type Plan,
  PROGRESS_STATUSES,
  type ProgressStatus,
} from '../../../shared';
import { AppError } from '../../lib/errors';
import type { ServiceContext } from '../../service-context';
import type { Principal } from '../auth/permissions';
import { compareCountry } from '../compare/service';
import { findCountry } from '../countries/repository';
import { planVisibility } from '../plans/access';
import { listCountryPlans } from '../plans/plan-read-service';
import { trackedValues } from '../plans/repository';
import { type PeriodRow, periodRows } from '../submissions/repository';
import { readScope } from '../visibility/scope';
import { type IndicatorProgress, indicatorProgress } from './country-progress';

/** The TrACSS round the peer section compares on, and the case study shown beside every country. */
export const PEER_FRAMEWORK = 'tracss-2019-2020';
export const CASE_STUDY = 'JOR';

export interface CountryReportParams {
  iso3: string;
  plan?: number | undefined;
  from?: number | undefined;
  to?: number | undefined;
  lang: Locale;
  principal: Principal | null;
}

export interface CountryReportData {
  country: Country;
  plan: Plan;
  visibility: 'all' | 'approved';
  from: number;
  to: number;
  generatedAt: Date;
  generatedBy: string | null;
  indicators: IndicatorProgress[];
  statusCounts: Record<ProgressStatus, number>;
  peer: { compare: CompareResult; caseStudy: Map<string, string | null> | null } | null;
  periods: PeriodRow[];
  gaps: { indicator: string; periodCode: string; status: string; reason: string | null }[];
}

/** The plan in force this year, else the latest one. */
function currentPlan(plans: Plan[], year: number): Plan | undefined {
  return (
    plans.find((p) => p.periodStart <= year && year <= p.periodEnd) ??
    [...plans].sort((a, b) => b.periodStart - a.periodStart)[0]
  );
}

/** Everything the country report shows, read with the caller's permissions (as the plan pages do). */
export async function countryReportData(
  ctx: ServiceContext,
  params: CountryReportParams,
): Promise<CountryReportData> {
  const iso3 = params.iso3;
  // 404 for an unknown country, 401/403 for who may not read its plans.
  const { items } = await listCountryPlans(ctx, params.principal, iso3);
  const visibility = planVisibility(ctx.policy, params.principal, iso3);
  const country = (await findCountry(ctx.db, iso3)) as Country;
  const now = ctx.now();
  const plan = params.plan
    ? items.find((p) => p.id === params.plan)
    : currentPlan(items, now.getUTCFullYear());
  if (!plan)
    throw new AppError(
      404,
      params.plan ? `plan: no plan ${params.plan} of ${iso3}` : `plan: ${iso3} has no plan you may read`,
    );
  const from = params.from ?? plan.periodStart;
  const to = params.to ?? plan.periodEnd;
  if (to < from) throw new AppError(400, `to: must not be before from (${from})`);

  const periods = (await periodRows(ctx.db, { planId: plan.id }))
    .filter((p) => {
      const y = Number(p.period.endDate.slice(0, 4));
      return y >= from && y <= to;
    })
    // A return's reason is a comment on unapproved data: not in the public's report.
    .map((p) => (visibility === 'all' ? p : { ...p, submission: { ...p.submission, reason: null } }));
  // One visibility rule (server/modules/visibility): the public sees published and approved data only.
  const visible = await trackedValues(
    ctx.db,
    readScope(ctx.policy, params.principal),
    [iso3],
    plan.indicators.map((i) => i.indicator.id),
  );
  const indicators = plan.indicators.map((i) => indicatorProgress(i, visible, { from, to }));
  const statusCounts = Object.fromEntries(PROGRESS_STATUSES.map((s) => [s, 0])) as Record<
    ProgressStatus,
    number
  >;
  for (const i of indicators) statusCounts[i.status] += 1;
  const names = new Map(plan.indicators.map((i) => [i.indicator.id, i.indicator]));
  const gaps = visible
    .filter((r) => r.status !== 'reported' && r.source !== 'published')
    .filter((r) => Number(r.endDate.slice(0, 4)) >= from && Number(r.endDate.slice(0, 4)) <= to)
    .map((r) => {
      const ind = names.get(r.indicatorId);
      return {
        indicator: ind ? `${ind.code} ${ind.name}` : String(r.indicatorId),
        periodCode: r.periodCode,
        status: r.status,
        reason: r.reason,
      };
    });
  return {
    country,
    plan,
    visibility,
    from,
    to,
    generatedAt: now,
    generatedBy: params.principal?.displayName ?? null,
    indicators,
    statusCounts,
    peer: await peerSection(ctx, country, params.principal),
    periods,
    gaps,
  };
}

/** The country against its WHO region on the TrACSS round, with the case study's levels beside it. */
async function peerSection(ctx: ServiceContext, country: Country, viewer: Principal | null) {
  if (!country.whoRegion) return null;
  const input = {
    framework: PEER_FRAMEWORK,
    groupType: 'who_region' as const,
    // The country's own region, as the round classifies it.
    group: undefined,
    viewer,
  };
  const compare = await compareCountry(ctx.db, { ...input, country: country.iso3 });
  if (country.iso3 === CASE_STUDY) return { compare, caseStudy: null };
  const jordan = await compareCountry(ctx.db, { ...input, country: CASE_STUDY });
  return { compare, caseStudy: new Map(jordan.rows.map((r) => [r.indicator.code, r.countryLevel])) };
}
