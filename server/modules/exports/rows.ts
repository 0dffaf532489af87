import {
  type ExportRow,
  isChoiceMeasure,
  type MeasureType,
  type ProgressStatus,
  type ValueStatus,
} from '../../../shared';
import type { Database } from '../../db/client';
import { countryBatches, linksOf } from './batches';
import type { PlanLink } from './plan-links';
import { selectExportText } from './repository';
import type { ExportScope } from './scope';
import { exportSelectSql } from './select-sql';

interface RawRow extends Omit<ExportRow, 'value'> {
  numeric_value: number | null;
  text_value: string | null;
  period_start: string;
  period_end: string;
}

export type TypedRow = ExportRow & { periodStart: string; periodEnd: string };

function cellValue(r: RawRow): ExportRow['value'] {
  if (r.status !== 'reported') return null;
  if (r.measure_type === 'level') return r.level;
  if (r.measure_type === 'yes_no') return r.numeric_value === 1 ? 'yes' : 'no';
  if (r.measure_type === 'text' || isChoiceMeasure(r.measure_type)) return r.text_value;
  return r.numeric_value;
}

const num = (x: unknown) => (x === null || x === undefined ? null : Number(x));

function toRow(r: RawRow): TypedRow {
  const { numeric_value: _n, text_value: _t, period_start, period_end, ...rest } = r;
  return {
    ...rest,
    plan_id: num(r.plan_id),
    year: Number(r.year),
    measure_type: r.measure_type as MeasureType,
    numerator: num(r.numerator),
    denominator: num(r.denominator),
    status: r.status as ValueStatus,
    progress: r.progress as ProgressStatus | null,
    target: r.target === null ? null : Number.isNaN(Number(r.target)) ? r.target : Number(r.target),
    value: cellValue(r),
    periodStart: String(period_start),
    periodEnd: String(period_end),
  };
}

/**
 * The export's rows, typed, one batch of countries at a time (batches.ts): memory holds at most one
 * batch's values (a few thousand rows), however many countries the export spans.
 */
export async function* exportRows(database: Database, scope: ExportScope, links: PlanLink[]) {
  for (const countries of await countryBatches(database, scope)) {
    const text = exportSelectSql(scope, linksOf(links, countries), { csv: false, countries });
    const rows = await selectExportText<RawRow>(database, text);
    for (const r of rows) yield toRow(r);
  }
}
