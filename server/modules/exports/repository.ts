import { asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Database, DbOrTx } from '../../db/client';
import { countries, frameworks, indicatorValues, planPeriods, plans } from '../../db/schema';

/** The plans of these countries, newest first. */
export async function plansOfCountries(db: DbOrTx, iso3s: string[]) {
  return db.select().from(plans).where(inArray(plans.countryIso3, iso3s)).orderBy(desc(plans.periodStart));
}

/** The reporting periods of these plans. */
export async function reportingPeriodsOf(db: DbOrTx, planIds: number[]) {
  return db.select().from(planPeriods).where(inArray(planPeriods.planId, planIds));
}

/** The ISO3 codes, sorted, of the countries among `wanted` that exist (every country without it). */
export async function existingCountryCodes(db: DbOrTx, wanted: string[] | undefined): Promise<string[]> {
  const rows = await db
    .select({ iso3: countries.iso3 })
    .from(countries)
    .where(wanted ? inArray(countries.iso3, wanted) : undefined)
    .orderBy(asc(countries.iso3));
  return rows.map((r) => r.iso3);
}

export async function frameworkExists(db: DbOrTx, code: string): Promise<boolean> {
  const [fw] = await db.select().from(frameworks).where(eq(frameworks.code, code));
  return !!fw;
}

/** Runs a SELECT the export built as text (select-sql.ts, xlsx-sql.ts: literals inlined, no parameters). */
export async function selectExportText<T>(database: Database, text: string): Promise<T[]> {
  return database.rows<T>(sql.raw(text));
}

/** How many values (of any framework and state) each of these countries holds; those with none are absent. */
export async function valueCountsByCountry(db: DbOrTx, iso3s: string[]): Promise<Map<string, number>> {
  if (iso3s.length === 0) return new Map();
  const rows = await db
    .select({ c: indicatorValues.countryIso3, n: sql<number>`count(*)::int` })
    .from(indicatorValues)
    .where(inArray(indicatorValues.countryIso3, iso3s))
    .groupBy(indicatorValues.countryIso3);
  return new Map(rows.map((r) => [r.c, Number(r.n)]));
}
