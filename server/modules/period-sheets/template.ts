import { LEVELS, SHEET_COLUMNS, type SheetColumn, VALUE_STATUSES } from '../../../shared';
import type { indicatorValues } from '../../db/schema';
import { loadExcel } from '../../lib/excel';
import type { entryRows } from '../submissions/grid-service';
import type { PeriodRow } from '../submissions/repository';

type Stored = typeof indicatorValues.$inferSelect;
type Planned = Awaited<ReturnType<typeof entryRows>>[number];
type Cells = Partial<Record<SheetColumn, string | number>>;

const KEYS: SheetColumn[] = ['country', 'plan_period', 'framework', 'indicator'];
const READ_ONLY: SheetColumn[] = [
  ...KEYS,
  'indicator_name',
  'measure_type',
  'unit',
  'last_period',
  'last_value',
];

/** A stored value as one readable cell (for the "last value" column). */
function shown(v: Stored): string | number {
  if (v.status !== 'reported') return v.status;
  if (v.level) return v.level;
  if (v.numerator !== null && v.denominator !== null) return `${v.numerator}/${v.denominator}`;
  return v.numericValue ?? v.textValue ?? '';
}

/** The entry columns of a stored value, as an upload would give them back. */
function entryCells(v: Stored, measureType: string, comment: string | null): Cells {
  const cells: Cells = { status: v.status };
  if (v.statusReason) cells.reason = v.statusReason;
  if (comment) cells.comment = comment;
  if (v.status !== 'reported') return cells;
  if (measureType === 'level' && v.level) cells.level = v.level;
  else if (measureType === 'ratio' && v.numerator !== null && v.denominator !== null) {
    cells.numerator = v.numerator;
    cells.denominator = v.denominator;
  } else if (measureType === 'yes_no') cells.value = v.numericValue === 1 ? 'yes' : 'no';
  else if (measureType === 'text') cells.value = v.textValue ?? '';
  else if (v.numericValue !== null) cells.value = v.numericValue;
  return cells;
}

const INSTRUCTIONS = [
  'How to fill in this template',
  '',
  'One row per indicator of the plan. Do not change the grey key columns (country, plan_period, framework, indicator).',
  'last_period and last_value show the previous period’s value for reference only: they are never imported.',
  'The value columns hold this period’s stored value, or are empty: enter what this period has (a blank row changes nothing).',
  'Every indicator of the plan is listed. For a TrACSS question the plan follows (indicator code such as tracss-2019-2020:7.4), enter the country’s own assessment for this period; the published TrACSS answer is never changed.',
  'status: reported, no_data or not_applicable. no_data and not_applicable need a reason.',
  'value: a number (number), a whole number 0 or more (count), 0–100 (percentage), yes/no (yes_no) or the text, at most 500 characters (text milestones).',
  'numerator and denominator: for ratio indicators, 0 or more (the value is computed; the denominator must not be 0).',
  'Numbers: cells stored as numbers are read as they are; numbers typed as text are read in the language of the page you upload from (45,5 in French or Spanish, 45.5 in English; Arabic-Indic digits in any).',
  'level: A–E for level indicators.',
  'comment: optional, kept with the value’s earlier comments.',
  'A row with no status and no value leaves the stored value as it is.',
  'Upload the file (or a CSV with the same header row) on the period’s page: a dry run lists every row as new, changed, unchanged or error; applying writes all rows or none.',
];

/** The XLSX template of a period: one row per plan indicator, drop-downs for level and status. */
export async function buildTemplate(period: PeriodRow, planned: Planned[], comments: Map<number, string>) {
  const wb = new (await loadExcel()).Workbook();
  wb.creator = 'NAP Tracker';
  const ws = wb.addWorksheet('Values', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = SHEET_COLUMNS.map((key) => ({ header: key, key, width: key === 'indicator_name' ? 48 : 14 }));
  ws.getRow(1).font = { bold: true };
  // Rows the period does not collect cannot be uploaded: left out. The entry columns hold only this
  // period's own stored value (the last period's value is a read-only reference, never an answer).
  const collected = planned.filter((r) => r.period);
  for (const r of collected) {
    const i = r.indicator;
    const start = r.current?.value;
    const cells: Cells = {
      country: period.plan.countryIso3,
      plan_period: period.period.code,
      framework: i.frameworkCode,
      indicator: i.code,
      indicator_name: i.subItem ? `${i.name} — ${i.subItem}` : i.name,
      measure_type: i.measureType,
      unit: i.unit ?? '',
      last_period: r.last?.periodCode ?? '',
      last_value: r.last ? shown(r.last.value) : '',
      ...(start ? entryCells(start, i.measureType, comments.get(start.id) ?? null) : {}),
    };
    ws.addRow(cells);
  }
  const last = Math.max(collected.length + 1, 2);
  const list = (values: readonly string[]) => ({
    type: 'list' as const,
    allowBlank: true,
    formulae: [`"${values.join(',')}"`],
    showErrorMessage: true,
  });
  for (let row = 2; row <= last; row++) {
    ws.getCell(row, SHEET_COLUMNS.indexOf('level') + 1).dataValidation = list(LEVELS);
    ws.getCell(row, SHEET_COLUMNS.indexOf('status') + 1).dataValidation = list(VALUE_STATUSES);
  }
  for (const key of READ_ONLY)
    ws.getColumn(SHEET_COLUMNS.indexOf(key) + 1).fill = {
      type: 'pattern',
      pattern: 'solid',
      fgColor: { argb: 'FFE5E7EB' },
    };
  const help = wb.addWorksheet('Instructions');
  help.getColumn(1).width = 120;
  for (const line of INSTRUCTIONS) help.addRow([line]);
  help.getRow(1).font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
