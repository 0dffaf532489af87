import { asc, count, eq } from 'drizzle-orm';
import type { Direction, Framework, Indicator, MeasureType, Period, Sector } from '../../../shared';
import type { DbOrTx } from '../../db/client';
import { preparedText, tableRowsQuery } from '../../db/driver';
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
  const rows = code
    ? await preparedText<FrameworkRow>(db, FRAMEWORK_BY_CODE, [code])
    : await db
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
        .groupBy(frameworks.code)
        .orderBy(asc(frameworks.name));
  return rows.map((r) => ({
    ...r,
    kind: r.kind as Framework['kind'],
    indicatorCount: Number(r.indicatorCount),
  }));
}
type FrameworkRow = Omit<Framework, 'kind' | 'indicatorCount'> & { kind: string; indicatorCount: number };
// One framework: what every comparison looks up first (written as text: see tableRowsQuery).
const FRAMEWORK_BY_CODE = `select f.code, f.name, f.kind, f.description, f.source,
    count(i.id)::int as "indicatorCount"
  from frameworks f left join indicators i on i.framework_code = f.code
  where f.code = $1 group by f.code`;

export async function listPeriods(db: DbOrTx, frameworkCode: string): Promise<(Period & { id: number })[]> {
  const rows = await periodsOf(db, [frameworkCode]);
  return rows.map(({ id, code, label, startDate, endDate }) => ({ id, code, label, startDate, endDate }));
}
const periodsOf = tableRowsQuery(periods, 'where t.framework_code = $1 order by t.start_date');

export async function listIndicators(
  db: DbOrTx,
  frameworkCode: string,
  filter: { measureType?: MeasureType | undefined; code?: string } = {},
): Promise<Indicator[]> {
  const params: unknown[] = [frameworkCode];
  let where = 'where t.framework_code = $1';
  if (filter.measureType) {
    params.push(filter.measureType);
    where += ` and t.measure_type = $${params.length}`;
  }
  if (filter.code) {
    params.push(filter.code);
    where += ` and t.code = $${params.length}`;
  }
  // At most four texts, each built once.
  let query = indicatorQueries.get(where);
  if (!query) {
    query = tableRowsQuery(indicators, `${where} order by t.sort_order`);
    indicatorQueries.set(where, query);
  }
  return (await query(db, params)).map(toIndicator);
}
const indicatorQueries = new Map<string, ReturnType<typeof tableRowsQuery<typeof indicators>>>();
