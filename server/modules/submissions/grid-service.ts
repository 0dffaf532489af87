import {
  type EntryGrid,
  type EntryRow,
  type Indicator,
  type JumpBase,
  type PreviousValue,
  provenanceOf,
  type ValidatorComment,
  type ValueStatus,
  type ValueWorkflow,
} from '../../../shared';
import type { DbOrTx } from '../../db/client';
import type { ServiceContext } from '../../service-context';
import { listAudit } from '../audit/entity-repository';
import type { Principal } from '../auth/permissions';
import { listIndicators, listPeriods } from '../frameworks/repository';
import { rulesOfRow } from '../plans/rules';
import { evidenceOf, latestComments, latestValidatorComments } from '../values/annotation-repository';
import { toStoredValue } from '../values/dto';
import { followedQuestionsOf, publishedAnswersOf, publishedKey } from '../visibility/published-repository';
import { mayReadDrafts, mayReadValue, type ReadScope, readScope } from '../visibility/scope';
import {
  type CountryValue,
  countryValues,
  planIndicatorKeys,
  previousPlanPeriodCode,
} from './grid-repository';
import { dayOf, toPlanPeriod } from './mapping';
import { getPlanPeriod } from './period-service';
import type { PeriodRow } from './repository';

const PREVIOUS = 5;

const sourceOf = (v: CountryValue) => provenanceOf(v.workflow as ValueWorkflow, v.demo);

/**
 * Each plan indicator with the period holding this report — its national framework's period with the
 * reporting period's code — its value and earlier values. With a scope, only the values it may see.
 */
export async function entryRows(db: DbOrTx, row: PeriodRow, scope?: ReadScope) {
  const iso3 = row.plan.countryIso3;
  const keys = await planIndicatorKeys(db, row.plan.id);
  const frameworks = [...new Set(keys.map((k) => k.frameworkCode))];
  const byFramework = new Map<
    string,
    { indicators: Indicator[]; periods: Awaited<ReturnType<typeof listPeriods>> }
  >();
  for (const f of frameworks)
    byFramework.set(f, { indicators: await listIndicators(db, f), periods: await listPeriods(db, f) });
  const all = await countryValues(
    db,
    iso3,
    keys.map((k) => k.indicatorId),
  );
  const values = scope ? all.filter((v) => mayReadValue(scope, iso3, v.workflow)) : all;
  const previousCode = await previousPlanPeriodCode(db, row.plan.id, row.period);
  return keys.flatMap((k) => {
    const f = byFramework.get(k.frameworkCode);
    const indicator = f?.indicators.find((i) => i.id === k.indicatorId);
    if (!f || !indicator) return [];
    const period = f.periods.find((p) => p.code === row.period.code) ?? null;
    const mine = values.filter((v) => v.value.indicatorId === k.indicatorId);
    const current = period ? mine.find((v) => v.value.periodId === period.id) : undefined;
    const earlier = mine.filter((v) =>
      period ? v.periodStart < period.startDate : v.periodStart <= row.period.endDate,
    );
    const previous = earlier.slice(0, PREVIOUS).map(
      (v): PreviousValue => ({
        periodCode: v.periodCode,
        status: v.value.status as ValueStatus,
        level: v.value.level as PreviousValue['level'],
        numericValue: v.value.numericValue,
        textValue: v.value.textValue,
        source: sourceOf(v),
      }),
    );
    const rules = rulesOfRow(k);
    const before = previousCode ? mine.find((v) => v.periodCode === previousCode)?.value : undefined;
    const jumpBase: JumpBase | null =
      rules?.jumpPercent != null &&
      previousCode &&
      before?.status === 'reported' &&
      before.numericValue !== null
        ? { periodCode: previousCode, value: before.numericValue }
        : null;
    return [
      {
        planIndicatorId: k.planIndicatorId,
        indicator,
        period,
        current,
        previous,
        last: earlier[0],
        rules,
        jumpBase,
      },
    ];
  });
}

export function completenessOf(rows: Awaited<ReturnType<typeof entryRows>>) {
  return {
    expected: rows.filter((r) => r.period).length,
    entered: rows.filter((r) => r.period && r.current).length,
  };
}

/**
 * The data-entry grid of one (country, plan, period). Who may not see the country's unapproved data
 * (the public) sees the values of an approved period only, without who entered them, and no
 * workflow history (its return reasons are comments on unapproved data).
 */
export async function getEntryGrid(
  ctx: ServiceContext,
  p: Principal | null,
  periodId: number,
): Promise<EntryGrid> {
  const row = await getPlanPeriod(ctx, p, periodId);
  const scope = readScope(ctx.policy, p);
  const insider = mayReadDrafts(scope, row.plan.countryIso3);
  const rows = await entryRows(ctx.db, row, scope);
  const ids = rows.flatMap((r) => (r.current ? [r.current.value.id] : []));
  const comments = await latestComments(ctx.db, ids);
  const evidence = await evidenceOf(ctx.db, ids);
  // A validator's comment is about unapproved data: for who may read drafts only.
  const reviews = insider ? await latestValidatorComments(ctx.db, ids) : new Map<number, ValidatorComment>();
  const published = await publishedAnswersOf(
    ctx.db,
    [row.plan.countryIso3],
    rows.flatMap((r) => (r.indicator.followsIndicatorId ? [r.indicator.followsIndicatorId] : [])),
  );
  const followed = await followedQuestionsOf(
    ctx.db,
    rows.map((r) => r.indicator.id),
  );
  const period = toPlanPeriod(row, dayOf(ctx.now()), { redact: !insider });
  const state = period.submission.state;
  return {
    plan: { id: row.plan.id, title: row.plan.title, countryIso3: row.plan.countryIso3 },
    period,
    locked: state === 'approved' || state === 'submitted',
    completeness: completenessOf(rows),
    history: insider ? await listAudit(ctx.db, 'submission', row.submission.id) : [],
    rows: rows.map(
      (r): EntryRow => ({
        planIndicatorId: r.planIndicatorId,
        indicator: r.indicator,
        frameworkPeriodCode: r.period?.code ?? null,
        previous: r.previous,
        follows: followed.get(r.indicator.id) ?? null,
        published: r.indicator.followsIndicatorId
          ? (published.get(publishedKey(row.plan.countryIso3, r.indicator.followsIndicatorId)) ?? null)
          : null,
        rules: r.rules,
        jumpBase: r.jumpBase,
        validatorComment: r.current ? (reviews.get(r.current.value.id) ?? null) : null,
        value: r.current
          ? toStoredValue(r.current.value, {
              indicatorCode: r.indicator.code,
              frameworkCode: r.indicator.frameworkCode,
              periodCode: r.current.periodCode,
              updatedByName: insider ? r.current.updatedByName : null,
              comment: comments.get(r.current.value.id) ?? null,
              evidence: evidence.get(r.current.value.id) ?? [],
              source: sourceOf(r.current),
            })
          : null,
      }),
    ),
  };
}
