import { and, asc, count, eq, type SQL } from 'drizzle-orm';
import type { Direction, Framework, Indicator, MeasureType, Period, Sector } from '../../../shared';
import type { DbOrTx } from '../../db/client';
import { frameworks, indicators, periods } from '../../db/schema';

type IndicatorRow = typeof indicators.$inferSelect;

/** What plans and the shared-indicators view show of an indicator beside its plan row. */
export const indicatorRefColumns = {
  id: indicators.id,
  frameworkCode: indicators.frameworkCode,
  code: indicators.code,
  name: indicators.name,
  measureType: indicators.measureType,
  unit: indicators.unit,
  followsIndicatorId: indicators.followsIndicatorId,
  calculation: indicators.calculation,
  dataSource: indicators.dataSource,
  collectionMethod: indicators.collectionMethod,
  frequency: indicators.frequency,
};

export function toIndicator(r: IndicatorRow): Indicator {
  return {
    id: r.id,
    frameworkCode: r.frameworkCode,
    code: r.code,
    questionCode: r.questionCode,
    sortOrder: r.sortOrder,
    name: r.name,
    subItem: r.subItem,
    definition: r.definition,
    section: r.section,
    measureType: r.measureType as MeasureType,
    unit: r.unit,
    numeratorLabel: r.numeratorLabel,
    denominatorLabel: r.denominatorLabel,
    direction: r.direction as Direction,
    levels: r.levels ?? null,
    options: r.options?.map(({ code, label }) => ({ code, label })) ?? null,
    gapObjective: r.gapObjective,
    sectors: r.sectors as Sector[],
    resultLevel: r.resultLevel as Indicator['resultLevel'],
    dataSource: r.dataSource,
    frequency: r.frequency,
    calculation: r.calculation,
    collectionMethod: r.collectionMethod,
    followsIndicatorId: r.followsIndicatorId,
  };
}

export async function indicatorById(db: DbOrTx, id: number): Promise<Indicator | null> {
  const [row] = await db.select().from(indicators).where(eq(indicators.id, id));
  return row ? toIndicator(row) : null;
}

export async function listFrameworks(db: DbOrTx, code?: string): Promise<Framework[]> {
  const rows = await db
    .select({
      code: frameworks.code,
      name: frameworks.name,
      kind: frameworks.kind,
      description: frameworks.description,
      source: frameworks.source,
      indicatorCount: count(indicators.id),
    })
    .from(frameworks)
    .leftJoin(indicators, eq(indicators.frameworkCode, frameworks.code))
    .where(code ? eq(frameworks.code, code) : undefined)
    .groupBy(frameworks.code)
    .orderBy(asc(frameworks.name))
    .prepare('list_frameworks')
    .execute();
  return rows.map((r) => ({
    ...r,
    kind: r.kind as Framework['kind'],
    indicatorCount: Number(r.indicatorCount),
  }));
}

export async function listPeriods(db: DbOrTx, frameworkCode: string): Promise<(Period & { id: number })[]> {
  return db
    .select({
      id: periods.id,
      code: periods.code,
      label: periods.label,
      startDate: periods.startDate,
      endDate: periods.endDate,
    })
    .from(periods)
    .where(eq(periods.frameworkCode, frameworkCode))
    .orderBy(asc(periods.startDate))
    .prepare('list_periods')
    .execute();
}

export async function listIndicators(
  db: DbOrTx,
  frameworkCode: string,
  filter: { measureType?: MeasureType | undefined; code?: string } = {},
): Promise<Indicator[]> {
  const where: SQL[] = [eq(indicators.frameworkCode, frameworkCode)];
  if (filter.measureType) where.push(eq(indicators.measureType, filter.measureType));
  if (filter.code) where.push(eq(indicators.code, filter.code));
  const rows = await db
    .select()
    .from(indicators)
    .where(and(...where))
    .orderBy(asc(indicators.sortOrder))
    .prepare('list_indicators')
    .execute();
  return rows.map(toIndicator);
}
