import {
  type EntryGrid,
  type EntryRow,
  type Indicator,
  matchFrameworkPeriod,
  type PreviousValue,
  type ValueStatus,
} from '../../../shared';
import type { DbOrTx } from '../../db/client';
import { listAudit } from '../audit/entity-repository';
import type { AuthContext } from '../auth/context';
import type { Principal } from '../auth/permissions';
import { listIndicators, listPeriods } from '../frameworks/repository';
import { evidenceOf, latestComments } from '../values/annotation-repository';
import { toStoredValue } from '../values/dto';
import { countryValues, planIndicatorKeys } from './grid-repository';
import { dayOf, toPlanPeriod } from './mapping';
import { getPlanPeriod } from './period-service';
import type { PeriodRow } from './repository';

const PREVIOUS = 5;

/** Each plan indicator with the framework period holding this report, its value and earlier values. */
export async function entryRows(db: DbOrTx, row: PeriodRow) {
  const keys = await planIndicatorKeys(db, row.plan.id);
  const frameworks = [...new Set(keys.map((k) => k.frameworkCode))];
  const byFramework = new Map<
    string,
    { indicators: Indicator[]; periods: Awaited<ReturnType<typeof listPeriods>> }
  >();
  for (const f of frameworks)
    byFramework.set(f, { indicators: await listIndicators(db, f), periods: await listPeriods(db, f) });
  const values = await countryValues(
    db,
    row.plan.countryIso3,
    keys.map((k) => k.indicatorId),
  );
  return keys.flatMap((k) => {
    const f = byFramework.get(k.frameworkCode);
    const indicator = f?.indicators.find((i) => i.id === k.indicatorId);
    if (!f || !indicator) return [];
    const period = matchFrameworkPeriod(row.period, f.periods);
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
      }),
    );
    return [{ planIndicatorId: k.planIndicatorId, indicator, period, current, previous, last: earlier[0] }];
  });
}

export function completenessOf(rows: Awaited<ReturnType<typeof entryRows>>) {
  return {
    expected: rows.filter((r) => r.period).length,
    entered: rows.filter((r) => r.period && r.current).length,
  };
}

/** The data-entry grid of one (country, plan, period). */
export async function getEntryGrid(
  ctx: AuthContext,
  p: Principal | null,
  periodId: number,
): Promise<EntryGrid> {
  const row = await getPlanPeriod(ctx, p, periodId);
  const rows = await entryRows(ctx.db, row);
  const ids = rows.flatMap((r) => (r.current ? [r.current.value.id] : []));
  const comments = await latestComments(ctx.db, ids);
  const evidence = await evidenceOf(ctx.db, ids);
  const period = toPlanPeriod(row, dayOf(ctx.now()));
  return {
    plan: { id: row.plan.id, title: row.plan.title, countryIso3: row.plan.countryIso3 },
    period,
    locked: period.submission.state === 'approved',
    completeness: completenessOf(rows),
    history: await listAudit(ctx.db, 'submission', row.submission.id),
    rows: rows.map(
      (r): EntryRow => ({
        planIndicatorId: r.planIndicatorId,
        indicator: r.indicator,
        frameworkPeriodCode: r.period?.code ?? null,
        previous: r.previous,
        value: r.current
          ? toStoredValue(r.current.value, {
              indicatorCode: r.indicator.code,
              frameworkCode: r.indicator.frameworkCode,
              periodCode: r.current.periodCode,
              updatedByName: r.current.updatedByName,
              comment: comments.get(r.current.value.id) ?? null,
              evidence: evidence.get(r.current.value.id) ?? [],
            })
          : null,
      }),
    ),
  };
}
