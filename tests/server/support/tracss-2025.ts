import { readFileSync } from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import type { Database } from '../../../server/db/client';
import {
  type CrosswalkFile,
  loadCrosswalks,
  TRACSS_CROSSWALKS,
} from '../../../server/db/reference/crosswalk';
import { frameworks } from '../../../server/db/schema';
import { parseCsv, parseCsvRecords } from '../../../server/lib/spreadsheet';
import { createRound, importRound } from '../../../server/modules/rounds/service';
import { LEVELS, type Level, type LevelWording, parseLevel } from '../../../shared';

/*
 * The TrACSS 2025 round as exported (tests/fixtures/tracss_2025_country_responses.csv, see its SOURCE.md),
 * read here directly — never through the app's importer — so that expected counts come from the file.
 */
const CSV = path.resolve(import.meta.dirname, '../../fixtures/tracss_2025_country_responses.csv');
const QUESTIONS_2019 = path.resolve(
  import.meta.dirname,
  '../../../server/db/reference-data/tracss/tracss_2019_2020_questions.csv',
);

export const ROUND_2025 = 'tracss-2025';

const [HEADER = [], ...ROWS] = parseCsv(readFileSync(CSV, 'utf8'));
export const HEADER_2025: readonly string[] = HEADER;
const ISO3_COL = HEADER.indexOf('ISO3');

/**
 * A 2025 question code from its header, as the round's framework codes it: the numeric prefix with
 * underscores turned into dots and trailing punctuation removed ("4.5_a_Do…" → "4.5.a",
 * "5.6.a_-_Reporting…" → "5.6.a").
 */
export function code2025(header: string): string | null {
  const m = /^(\d+(?:[._]\d+)*(?:[._][a-z](?![a-z]))?)/.exec(header);
  return m?.[1] ? m[1].replace(/_/g, '.').replace(/[.]+$/, '') : null;
}

/** The columns holding A–E answers ("X - wording"), by 2025 question code. */
export const LEVEL_COLUMNS_2025: ReadonlyMap<string, number> = new Map(
  HEADER.flatMap((h, col) => {
    const code = code2025(h);
    const lettered = ROWS.some((r) => /^[A-E] - /.test((r[col] ?? '').trim()));
    return code && lettered ? [[code, col] as const] : [];
  }),
);

/** Every country of the file with its ISO3 code. */
export const COUNTRIES_2025: readonly string[] = ROWS.map((r) => r[ISO3_COL] ?? '').filter(Boolean);

/** A country's 2025 level on a question; null for a blank cell, "N/A" or no such country. */
export function level2025(iso3: string, code: string): Level | null {
  const col = LEVEL_COLUMNS_2025.get(code);
  const row = ROWS.find((r) => r[ISO3_COL] === iso3);
  if (col === undefined || !row) return null;
  return parseLevel((row[col] ?? '').trim());
}

/** The wording of each level of a 2025 question, as its answers write it (first occurrence). */
export function levels2025(code: string): LevelWording {
  const col = LEVEL_COLUMNS_2025.get(code);
  const out = Object.fromEntries(LEVELS.map((l) => [l, ''])) as LevelWording;
  for (const r of ROWS) {
    const m = /^([A-E]) - (.*)$/s.exec((r[col ?? -1] ?? '').trim());
    if (m?.[1] && !out[m[1] as Level]) out[m[1] as Level] = (m[2] ?? '').replace(/\s+/g, ' ').trim();
  }
  return out;
}

/** The 2019–2020 A–E questions (code → row of tracss_2019_2020_questions.csv). */
export const QUESTIONS_2019_AE: ReadonlyMap<string, Record<string, string>> = new Map(
  parseCsvRecords(readFileSync(QUESTIONS_2019, 'utf8'))
    .filter((r) => r.response_type === 'level_A_E')
    .map((r) => [r.indicator_code ?? '', r]),
);

/** The shipped crosswalk file 2019–2020 → 2025, row by row as written. */
export const CROSSWALK_SPEC: CrosswalkFile = (() => {
  const spec = TRACSS_CROSSWALKS.find((c) => c.to === ROUND_2025);
  if (!spec) throw new Error(`no crosswalk to ${ROUND_2025} among TRACSS_CROSSWALKS`);
  return spec;
})();
export const CROSSWALK_ROWS = parseCsvRecords(readFileSync(CROSSWALK_SPEC.file, 'utf8'));

/**
 * The 2025 round in a test database: the app's own (framework `tracss-2025`) when it loads one;
 * otherwise a synthetic round made here from the file's real answers to the crosswalk's 2025
 * questions, created and imported through the rounds service (POST /api/rounds and the import), with
 * the round's own WHO region and income group columns. Says which it is.
 */
export async function ensureRound2025(database: Database): Promise<'app' | 'synthetic'> {
  const [existing] = await database.db
    .select({ code: frameworks.code })
    .from(frameworks)
    .where(eq(frameworks.code, ROUND_2025));
  if (existing) return 'app';
  const codes = [...new Set(CROSSWALK_ROWS.map((r) => r.code_2025 ?? '').filter(Boolean))];
  const columns = codes.map((code) => {
    const col = LEVEL_COLUMNS_2025.get(code);
    if (col === undefined) throw new Error(`no A–E column for 2025 question ${code}`);
    return { code, col, header: HEADER[col] ?? '' };
  });
  await createRound(
    database.db,
    {
      code: ROUND_2025,
      name: 'TrACSS 2025',
      description: 'Synthetic test round: the real 2025 answers to the crosswalk questions only.',
      period: {
        code: '2025',
        label: 'TrACSS round 9 (2025)',
        startDate: '2025-01-01',
        endDate: '2025-12-31',
      },
      questions: columns.map((c) => ({
        code: c.code,
        name: c.header
          .replace(/^[\d._a-z]+_/, '')
          .replace(/_/g, ' ')
          .slice(0, 300),
        measureType: 'level' as const,
        levels: levels2025(c.code),
        sourceColumn: c.header,
      })),
      mapping: { ignoreColumns: ['WHO_Region', 'World_Bank_Income_Category'] },
    },
    new Date(),
  );
  // Country column = ISO3 (the importer resolves codes as well as names), then the round's classification.
  const region = HEADER.indexOf('WHO_Region');
  const income = HEADER.indexOf('World_Bank_Income_Category');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('TrACSS 2025');
  ws.addRow(['Country', 'WHO_Region', 'World_Bank_Income_Category', ...columns.map((c) => c.header)]);
  for (const r of ROWS)
    ws.addRow([r[ISO3_COL], r[region], r[income], ...columns.map((c) => (r[c.col] ?? '').trim() || null)]);
  const data = Buffer.from(await wb.xlsx.writeBuffer());
  await importRound(
    database,
    ROUND_2025,
    { fileName: 'tracss-2025-crosswalk-columns.xlsx', data },
    { dryRun: false, force: false },
  );
  // What the start-up does once the round exists: load the reviewed crosswalk.
  await loadCrosswalks(database.db);
  return 'synthetic';
}
