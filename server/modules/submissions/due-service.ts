import type { Due, DueItem, DueState } from '../../../shared';
import type { ServiceContext } from '../../service-context';
import { type Principal, readsEveryCountry, unauthenticated } from '../auth/permissions';
import { completenessOf, entryRows } from './grid-service';
import { dayOf, toPlanPeriod } from './mapping';
import { type PeriodRow, periodRows } from './repository';

/** Only the database and the clock: the daily e-mail digest asks on a user's behalf, outside a request. */
export type DueContext = Pick<ServiceContext, 'db' | 'now'>;

/** What needs attention first: returned, overdue, due, then what waits for or has approval. */
const ORDER: Record<DueState, number> = { returned: 0, overdue: 1, due: 2, submitted: 3, approved: 4 };

async function toItem(ctx: DueContext, r: PeriodRow, today: string): Promise<DueItem> {
  const period = toPlanPeriod(r, today);
  return {
    countryIso3: r.plan.countryIso3,
    countryName: r.countryName,
    planId: r.plan.id,
    planTitle: r.plan.title,
    periodId: r.period.id,
    periodCode: r.period.code,
    dueDate: r.period.dueDate,
    state: period.dueState,
    ...completenessOf(await entryRows(ctx.db, r)),
  };
}

/** Per country, its latest period that has started (else its first). */
function latestStarted(rows: PeriodRow[], today: string): PeriodRow[] {
  const byCountry = new Map<string, PeriodRow>();
  for (const r of rows) {
    const seen = byCountry.get(r.plan.countryIso3);
    const started = r.period.startDate <= today;
    if (!seen || (started && r.period.startDate >= seen.period.startDate))
      byCountry.set(r.plan.countryIso3, r);
  }
  return [...byCountry.values()];
}

/**
 * The signed-in user's "what is due": the periods of the countries where they are focal point or
 * validator; and per-country completeness for validators (their countries), facilitators and
 * administrators (every country with reporting periods).
 */
export async function getDue(ctx: DueContext, p: Principal | null): Promise<Due> {
  if (!p) throw unauthenticated();
  const today = dayOf(ctx.now());
  const mine = [
    ...new Set(
      p.roles.flatMap((r) =>
        r.country && (r.role === 'focal_point' || r.role === 'validator') ? [r.country] : [],
      ),
    ),
  ];
  const items: DueItem[] = [];
  for (const r of await periodRows(ctx.db, { countryIn: mine })) items.push(await toItem(ctx, r, today));
  items.sort((a, b) => ORDER[a.state] - ORDER[b.state] || a.dueDate.localeCompare(b.dueDate));
  const validated = p.roles.flatMap((r) => (r.role === 'validator' && r.country ? [r.country] : []));
  const scope = readsEveryCountry(p)
    ? await periodRows(ctx.db, {})
    : await periodRows(ctx.db, { countryIn: validated });
  const completeness: DueItem[] = [];
  for (const r of latestStarted(scope, today)) completeness.push(await toItem(ctx, r, today));
  return { items, completeness };
}
