import { desc, eq } from 'drizzle-orm';
import { periodBounds } from '../../shared';
import { insertPeriodWithSubmission } from '../modules/submissions/period-service';
import type { Db } from './client';
import { plans } from './schema';

/**
 * The demo reporting period: Jordan's 2020 report, due three months after the year. Its values are
 * demo data (plan_periods.demo), marked as such wherever they appear.
 */
export const DEMO_PERIOD = { iso3: 'JOR', year: 2020, dueDate: '2021-03-31' } as const;

/**
 * Gives the demo accounts something to do: one yearly reporting period on Jordan's plan, with its
 * draft submission, so the Jordan focal point sees it under "What is due" and can walk the workflow.
 * Embedded database only (with the demo accounts); does nothing if Jordan has no plan or the period exists.
 */
export async function seedDemoPeriod(db: Db, now: Date): Promise<boolean> {
  const [plan] = await db
    .select({ id: plans.id, countryIso3: plans.countryIso3 })
    .from(plans)
    .where(eq(plans.countryIso3, DEMO_PERIOD.iso3))
    .orderBy(desc(plans.periodEnd), desc(plans.generation))
    .limit(1);
  if (!plan) return false;
  const bounds = periodBounds('year', DEMO_PERIOD.year);
  const row = await db.transaction((tx) =>
    insertPeriodWithSubmission(tx, plan, 'year', DEMO_PERIOD.dueDate, bounds, now, { demo: true }),
  );
  return row !== undefined;
}
