import { readFileSync } from 'node:fs';
import path from 'node:path';
import { and, count, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/client';
import { TRACSS_2019_2020_XLSX } from '../../server/db/reference/paths';
import { TRACSS_2019_2020 } from '../../server/db/reference/tracss-framework';
import { importRuns, indicators, indicatorValues, periods } from '../../server/db/schema';
import { AppError } from '../../server/lib/errors';
import { parseCsvRecords } from '../../server/lib/spreadsheet';
import { importTracssWorkbook } from '../../server/modules/imports/tracss-import';
import { openTestDatabase } from '../setup/test-db';

const LONG_CSV = path.resolve(import.meta.dirname, '../fixtures/tracss_2019_2020_long.csv');
const t = TRACSS_2019_2020;

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  await database.close();
});

async function allValues() {
  return database.rows<{
    iso3: string;
    sort_order: number;
    status: string;
    level: string | null;
    text_value: string;
    numeric_value: number | null;
  }>(sql`
    select v.country_iso3 as iso3, i.sort_order, v.status, v.level, v.text_value, v.numeric_value
    from indicator_values v join indicators i on i.id = v.indicator_id
    join periods p on p.id = v.period_id
    where i.framework_code = ${t.code} and p.code = ${t.period.code}`);
}

const collapse = (s: string | undefined) => s?.replace(/\s+/g, ' ').trim();

async function valueCount() {
  const [row] = await database.db.select({ n: count() }).from(indicatorValues);
  return Number(row?.n);
}

describe('TrACSS 2019–2020 portal spreadsheet import', () => {
  it('yields exactly the answers of the long table, every country and every question', async () => {
    // The first start imported the shipped spreadsheet through importTracssWorkbook.
    const expected = parseCsvRecords(readFileSync(LONG_CSV, 'utf8'));
    expect(expected).toHaveLength(10_964);
    const rows = await allValues();
    const byKey = new Map(rows.map((r) => [`${r.iso3}|${r.sort_order}`, r]));

    for (const e of expected) {
      const got = byKey.get(`${e.iso3}|${e.column_index}`);
      expect(got, `${e.iso3} column ${e.column_index}`).toBeDefined();
      // The long table was derived from the portal's .xls, where line breaks inside a few text
      // answers became spaces; the .xlsx keeps them. Compare text with whitespace collapsed.
      expect(collapse(got?.text_value)).toBe(collapse(e.value));
      expect(got?.level ?? '').toBe(e.level);
      if (e.response_type === 'yes_no') {
        expect(got?.numeric_value).toBe(e.value === 'Yes' ? 1 : e.value === 'No' ? 0 : null);
      }
      byKey.delete(`${e.iso3}|${e.column_index}`);
    }
    // The long table was made with pandas, which reads "N/A" and "NA" as blank. We keep those
    // answers as "not applicable" rather than lose them: they are the only rows left over.
    const leftover = [...byKey.values()];
    expect(leftover.length).toBe(549);
    for (const r of leftover) {
      expect(r.status).toBe('not_applicable');
      expect(['N/A', 'NA']).toContain(r.text_value);
    }
    expect(new Set(rows.map((r) => r.iso3)).size).toBe(136);
  });

  it('does nothing when the same file is imported again', async () => {
    const before = await valueCount();
    const result = await importTracssWorkbook(database, {
      data: readFileSync(TRACSS_2019_2020_XLSX),
      fileName: 'again.xlsx',
      frameworkCode: t.code,
      periodCode: t.period.code,
    });
    expect(result.alreadyImported).toBe(true);
    expect(await valueCount()).toBe(before);
  });

  it('replaces the countries’ answers when forced, in one transaction, with the same result', async () => {
    const before = await allValues();
    const result = await importTracssWorkbook(database, {
      data: readFileSync(TRACSS_2019_2020_XLSX),
      fileName: 'forced.xlsx',
      frameworkCode: t.code,
      periodCode: t.period.code,
      force: true,
    });
    expect(result).toMatchObject({
      alreadyImported: false,
      countries: 136,
      values: 11_513,
      missingColumns: [],
    });
    const after = await allValues();
    const key = (r: (typeof before)[number]) =>
      `${r.iso3}|${r.sort_order}|${r.status}|${r.level}|${r.text_value}`;
    expect(after.map(key).sort()).toEqual(before.map(key).sort());
  });
});

/** Builds a small workbook in the portal's layout. */
async function workbook(rows: (string | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Global Monitoring');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const H41 = '4.1 Multi-sector and One Health collaboration/coordination';
const H42 =
  '4.2 Sector actively involved in developing and implementing the AMR National Action Plan- [Human Health including WASH]';

describe('import errors: every problem named by its cell, nothing written', () => {
  it('dry run reports what would be imported and writes nothing', async () => {
    const before = await valueCount();
    const data = await workbook([
      ['Country name ', 'WHO Region ', H41, H42],
      ['Jordan', 'EMRO', 'C - Multi-sectoral working group(s) is (are) functional', 'No'],
    ]);
    const result = await importTracssWorkbook(database, {
      data,
      fileName: 'dry.xlsx',
      frameworkCode: t.code,
      periodCode: t.period.code,
      dryRun: true,
    });
    expect(result).toMatchObject({ dryRun: true, countries: 1, values: 2 });
    expect(result.missingColumns).toHaveLength(111);
    expect(await valueCount()).toBe(before);
  });

  it('names unknown countries, bad levels, bad yes/no, duplicates and unknown columns', async () => {
    const before = await valueCount();
    const data = await workbook([
      ['Country name', H41, H42, 'Favourite colour'],
      ['Jordan', 'C - functional', 'Yes', 'blue'],
      ['Narnia', 'B - something', 'No', ''],
      ['Syrian Arab Republic', 'F - beyond', 'Maybe', ''],
      ['Jordan', 'A - none', 'No', ''],
    ]);
    const err = await importTracssWorkbook(database, {
      data,
      fileName: 'bad.xlsx',
      frameworkCode: t.code,
      periodCode: t.period.code,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    const appErr = err as AppError;
    expect(appErr.statusCode).toBe(422);
    expect(appErr.message).toMatch(/nothing was imported/);
    const issues = Object.fromEntries((appErr.issues ?? []).map((i) => [i.path, i.message]));
    expect(issues.D1).toMatch(/Favourite colour.*matches no question/);
    expect(issues.A3).toMatch(/unknown country "Narnia"/);
    expect(issues.B4).toMatch(/question 4\.1: "F - beyond" is not a level A–E/);
    expect(issues.C4).toMatch(/question 4\.2-1: "Maybe" is not Yes, No or Don't Know/);
    expect(issues.A5).toMatch(/Jordan \(JOR\) already answered in row 2/);
    expect(await valueCount()).toBe(before);
  });

  it('refuses a file that is not a workbook, and a file without a header row', async () => {
    const notXlsx = importTracssWorkbook(database, {
      data: Buffer.from('iso3,level\nJOR,A\n'),
      fileName: 'x.xlsx',
      frameworkCode: t.code,
      periodCode: t.period.code,
    });
    await expect(notXlsx).rejects.toThrow(/x\.xlsx is not a readable \.xlsx workbook/);
    // A .csv is read as CSV (the 2025 export is one): this one has no country column.
    const csvWithoutCountry = importTracssWorkbook(database, {
      data: Buffer.from('iso3,level\nJOR,A\n'),
      fileName: 'x.csv',
      frameworkCode: t.code,
      periodCode: t.period.code,
    });
    await expect(csvWithoutCountry).rejects.toThrow(/no header row with a "Country name" column/);
    const noHeader = importTracssWorkbook(database, {
      data: await workbook([
        ['Pays', 'Niveau'],
        ['Jordanie', 'A'],
      ]),
      fileName: 'fr.xlsx',
      frameworkCode: t.code,
      periodCode: t.period.code,
    });
    await expect(noHeader).rejects.toThrow(/no header row with a "Country name" column/);
  });

  it('refuses an unknown period', async () => {
    const p = importTracssWorkbook(database, {
      data: await workbook([
        ['Country name', H41],
        ['Jordan', 'A'],
      ]),
      fileName: 'p.xlsx',
      frameworkCode: t.code,
      periodCode: '2031',
    });
    await expect(p).rejects.toThrow(/period: no period '2031'/);
  });
});

describe('reference data', () => {
  it('loads every country, every question and its level wording once', async () => {
    const [c] = await database.rows<{ n: number }>(sql`select count(*)::int as n from countries`);
    expect(c?.n).toBe(249);
    const qs = await database.db.select().from(indicators).where(eq(indicators.frameworkCode, t.code));
    expect(qs).toHaveLength(113);
    expect(qs.filter((q) => q.measureType === 'level')).toHaveLength(23);
    const q41 = qs.find((q) => q.code === '4.1');
    expect(q41?.levels?.A).toBe(
      'No formal multi-sectoral governance or coordination mechanism on AMR exists.',
    );
    expect(q41?.section).toBe('Multi-sector and One Health collaboration');
    const runs = await database.db
      .select()
      .from(importRuns)
      .innerJoin(periods, and(eq(periods.code, importRuns.periodCode), eq(periods.frameworkCode, t.code)));
    expect(runs.length).toBeGreaterThanOrEqual(1);
  });
});
