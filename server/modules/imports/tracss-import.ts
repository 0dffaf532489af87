import { createHash } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import type ExcelJS from 'exceljs';
import { type ImportMapping, ImportMappingSchema, parseLevel } from '../../../shared';
import type { Database } from '../../db/client';
import { importMappings, importRuns, indicators, indicatorValues, periods } from '../../db/schema';
import { AppError } from '../../lib/errors';
import { loadExcel } from '../../lib/excel';
import { insertValues } from '../values/bulk-insert';
import { countryResolver } from './country-names';

export interface ImportProblem {
  /** Spreadsheet cell (e.g. "E14") or column (e.g. "column H") the problem is in. */
  cell: string;
  message: string;
}

export interface TracssImportOptions {
  data: Buffer | Uint8Array;
  fileName: string;
  frameworkCode: string;
  periodCode: string;
  dryRun?: boolean;
  /** Import even when this exact file was imported before for the same period. */
  force?: boolean;
  /** How to read this file; by default the framework's stored mapping, else the 2019–2020 layout. */
  mapping?: ImportMapping;
}

export interface TracssImportResult {
  frameworkCode: string;
  periodCode: string;
  fileName: string;
  sha256: string;
  dryRun: boolean;
  /** True when the same file had already been imported for this period and nothing was done. */
  alreadyImported: boolean;
  countries: number;
  values: number;
  /** Question columns of the framework that the file does not have. */
  missingColumns: string[];
}

/** Bigger files than this are refused before parsing (the 2019–2020 portal file is 117 kB). */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
const MAX_PROBLEMS_LISTED = 200;

/** How the portal's files write "not applicable" (N/A, NA, Na, Not applicable). */
const NOT_APPLICABLE = /^(n\/?a|not applicable)$/i;

const normaliseHeader = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'richText' in v)
    return v.richText
      .map((t) => t.text)
      .join('')
      .trim();
  if (typeof v === 'object' && 'result' in v) return String(v.result ?? '').trim();
  if (typeof v === 'object' && 'text' in v) return String(v.text).trim();
  return cell.text.trim();
}

type NewValue = typeof indicatorValues.$inferInsert;

/**
 * Imports a TrACSS country-responses spreadsheet as the portal publishes it: a header row with
 * "Country name" and one column per question, one row per country. Columns are matched to the
 * framework's questions by their header text. Every problem is collected with its cell; if there is
 * any, nothing is written. Otherwise the values replace the period's values of the countries in the
 * file, in one transaction.
 */
export async function importTracssWorkbook(
  database: Database,
  opts: TracssImportOptions,
): Promise<TracssImportResult> {
  const { db } = database;
  if (opts.data.byteLength > MAX_IMPORT_BYTES) {
    throw new AppError(413, `file: ${opts.fileName} is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB`);
  }
  const sha256 = createHash('sha256').update(opts.data).digest('hex');
  const [period] = await db
    .select()
    .from(periods)
    .where(and(eq(periods.frameworkCode, opts.frameworkCode), eq(periods.code, opts.periodCode)));
  if (!period) {
    throw new AppError(404, `period: no period '${opts.periodCode}' in framework '${opts.frameworkCode}'`);
  }
  const base = {
    frameworkCode: opts.frameworkCode,
    periodCode: opts.periodCode,
    fileName: opts.fileName,
    sha256,
    dryRun: opts.dryRun ?? false,
  };
  if (!opts.force) {
    const previous = await db
      .select({ id: importRuns.id, rowCount: importRuns.rowCount, valueCount: importRuns.valueCount })
      .from(importRuns)
      .where(
        and(
          eq(importRuns.sha256, sha256),
          eq(importRuns.frameworkCode, opts.frameworkCode),
          eq(importRuns.periodCode, opts.periodCode),
        ),
      );
    if (previous[0]) {
      return {
        ...base,
        alreadyImported: true,
        countries: previous[0].rowCount,
        values: previous[0].valueCount,
        missingColumns: [],
      };
    }
  }

  const workbook = new (await loadExcel()).Workbook();
  try {
    await workbook.xlsx.load(opts.data as unknown as ArrayBuffer);
  } catch {
    throw new AppError(
      400,
      `file: ${opts.fileName} is not a readable .xlsx workbook (save it as Excel .xlsx)`,
    );
  }
  const mapping = opts.mapping ?? (await storedMapping(database, opts.frameworkCode));
  const sheet = mapping.sheet ? workbook.getWorksheet(mapping.sheet) : workbook.worksheets[0];
  if (!sheet) {
    throw new AppError(
      400,
      mapping.sheet
        ? `mapping.sheet: ${opts.fileName} has no worksheet "${mapping.sheet}"`
        : `file: ${opts.fileName} has no worksheet`,
    );
  }

  const questionRows = await db
    .select({
      id: indicators.id,
      code: indicators.code,
      measureType: indicators.measureType,
      sourceColumn: indicators.sourceColumn,
    })
    .from(indicators)
    .where(eq(indicators.frameworkCode, opts.frameworkCode));
  const byHeader = new Map(
    questionRows.filter((q) => q.sourceColumn).map((q) => [normaliseHeader(q.sourceColumn ?? ''), q]),
  );
  const byCode = new Map(questionRows.map((q) => [q.code, q]));
  const mapped = new Map(Object.entries(mapping.columns).map(([h, code]) => [normaliseHeader(h), code]));
  const resolveCountry = await countryResolver(db);
  const problems: ImportProblem[] = [];

  // The header row is the mapping's, else the first of the first 20 rows with the country column.
  const countryHeader = mapping.countryColumn ? normaliseHeader(mapping.countryColumn) : null;
  const isCountryHeader = (text: string) =>
    countryHeader ? normaliseHeader(text) === countryHeader : /^country( name)?$/i.test(text);
  let headerRow = 0;
  let countryCol = 0;
  const first = mapping.headerRow ?? 1;
  const last = mapping.headerRow ?? Math.min(20, sheet.rowCount);
  for (let r = first; r <= last && !headerRow; r++) {
    sheet.getRow(r).eachCell((cell, col) => {
      if (!headerRow && isCountryHeader(cellText(cell))) {
        headerRow = r;
        countryCol = col;
      }
    });
  }
  if (!headerRow) {
    const what = `a "${mapping.countryColumn ?? 'Country name'}" column`;
    const where = mapping.headerRow ? `row ${mapping.headerRow}` : 'the first 20 rows';
    throw new AppError(400, `file: no header row with ${what} in ${where} of sheet "${sheet.name}"`);
  }

  const ignoredByMapping = new Set(mapping.ignoreColumns.map(normaliseHeader));
  const ignoredByDefault = /^(who region|world bank( income)? classification|income group|iso3?|region)$/i;
  const ignored = {
    test: (h: string) => ignoredByDefault.test(h) || ignoredByMapping.has(normaliseHeader(h)),
  };
  const columns: { col: number; question: (typeof questionRows)[number] }[] = [];
  const matched = new Set<number>();
  sheet.getRow(headerRow).eachCell((cell, col) => {
    if (col === countryCol) return;
    const header = cellText(cell);
    if (!header || ignored.test(header)) return;
    const mappedCode = mapped.get(normaliseHeader(header));
    const q = mappedCode === undefined ? byHeader.get(normaliseHeader(header)) : byCode.get(mappedCode);
    if (mappedCode !== undefined && !q) {
      problems.push({
        cell: cell.address,
        message: `the mapping sends "${header.slice(0, 120)}" to question ${mappedCode}, which ${opts.frameworkCode} does not have`,
      });
    } else if (!q) {
      problems.push({
        cell: cell.address,
        message: `column header "${header.slice(0, 120)}" matches no question of ${opts.frameworkCode}`,
      });
    } else if (matched.has(q.id)) {
      problems.push({ cell: cell.address, message: `question ${q.code} appears in more than one column` });
    } else {
      matched.add(q.id);
      columns.push({ col, question: q });
    }
  });

  const values: NewValue[] = [];
  const rowOfCountry = new Map<string, number>();
  for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const countryCell = row.getCell(countryCol);
    const name = cellText(countryCell);
    if (!name) {
      const hasData = columns.some(({ col }) => cellText(row.getCell(col)) !== '');
      if (hasData)
        problems.push({
          cell: countryCell.address,
          message: 'country name is empty but the row has answers',
        });
      continue;
    }
    const iso3 = resolveCountry(name);
    if (!iso3) {
      problems.push({ cell: countryCell.address, message: `unknown country "${name.slice(0, 80)}"` });
      continue;
    }
    const firstRow = rowOfCountry.get(iso3);
    if (firstRow !== undefined) {
      problems.push({
        cell: countryCell.address,
        message: `${name} (${iso3}) already answered in row ${firstRow}`,
      });
      continue;
    }
    rowOfCountry.set(iso3, r);
    for (const { col, question } of columns) {
      const cell = row.getCell(col);
      const text = cellText(cell);
      if (!text) continue;
      const v: NewValue = {
        countryIso3: iso3,
        indicatorId: question.id,
        periodId: period.id,
        status: 'reported',
        level: null,
        numericValue: null,
        textValue: text,
      };
      if (NOT_APPLICABLE.test(text)) {
        v.status = 'not_applicable';
      } else if (question.measureType === 'level') {
        const level = parseLevel(text);
        if (!level) {
          problems.push({
            cell: cell.address,
            message: `question ${question.code}: "${text.slice(0, 60)}" is not a level A–E`,
          });
          continue;
        }
        v.level = level;
      } else if (question.measureType === 'yes_no') {
        if (/^yes$/i.test(text)) v.numericValue = 1;
        else if (/^no$/i.test(text)) v.numericValue = 0;
        else if (/^don'?t know$/i.test(text.replace('’', "'"))) v.status = 'no_data';
        else {
          problems.push({
            cell: cell.address,
            message: `question ${question.code}: "${text.slice(0, 60)}" is not Yes, No or Don't Know`,
          });
          continue;
        }
      }
      if (text.length > 10_000) {
        problems.push({
          cell: cell.address,
          message: `question ${question.code}: answer longer than 10,000 characters`,
        });
        continue;
      }
      values.push(v);
    }
  }
  if (rowOfCountry.size === 0 && problems.length === 0) {
    problems.push({
      cell: `column ${sheet.getColumn(countryCol).letter}`,
      message: 'no country rows below the header',
    });
  }
  if (problems.length > 0) {
    throw new AppError(422, `file: ${problems.length} problem(s) in ${opts.fileName}; nothing was imported`, {
      issues: problems.slice(0, MAX_PROBLEMS_LISTED).map((p) => ({ path: p.cell, message: p.message })),
    });
  }

  const mappedCodes = new Set(mapped.values());
  const missingColumns = questionRows
    .filter((q) => !matched.has(q.id) && (q.sourceColumn || mappedCodes.has(q.code)))
    .map((q) => q.code);
  const result: TracssImportResult = {
    ...base,
    alreadyImported: false,
    countries: rowOfCountry.size,
    values: values.length,
    missingColumns,
  };
  if (opts.dryRun) return result;

  await db.transaction(async (tx) => {
    // The file is the country's official answer for the round: it replaces what was there.
    const isos = [...rowOfCountry.keys()];
    await tx.delete(indicatorValues).where(
      and(
        eq(indicatorValues.periodId, period.id),
        inArray(indicatorValues.countryIso3, isos),
        inArray(
          indicatorValues.indicatorId,
          questionRows.map((q) => q.id),
        ),
      ),
    );
    await insertValues(tx, values);
    await tx.insert(importRuns).values({
      kind: 'tracss',
      frameworkCode: opts.frameworkCode,
      periodCode: opts.periodCode,
      fileName: opts.fileName,
      sha256,
      rowCount: rowOfCountry.size,
      valueCount: values.length,
    });
  });
  return result;
}

/** The framework's stored column mapping, or the default (the 2019–2020 portal layout). */
async function storedMapping(database: Database, frameworkCode: string): Promise<ImportMapping> {
  const [row] = await database.db
    .select({ mapping: importMappings.mapping })
    .from(importMappings)
    .where(eq(importMappings.frameworkCode, frameworkCode));
  return ImportMappingSchema.parse(row?.mapping ?? {});
}
