import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Database } from '../../server/db/client';
import { loadTracssFramework } from '../../server/db/reference/tracss-framework';
import { indicators } from '../../server/db/schema';
import { columnLetters } from '../../server/lib/spreadsheet';
import type { HeatmapResult, ImportResult, Indicator, IndicatorValue } from '../../shared';
import { withDatabase } from '../setup/server-global';
import { openTestApp } from '../setup/test-db';
import { makeUser, role, signIn, withCredential } from './support/auth';
import { jordanPlanId } from './support/plans';
import {
  answer2025,
  columnOf,
  csvOf,
  distribution2025,
  HEADER_2025,
  LEVEL_CODES_2025,
  letterOf,
  RESPONDENTS_2025,
  ROWS_2025,
} from './support/tracss-2025-file';
import { uploadForm } from './support/upload';

/*
 * The TrACSS 2025 round, loaded on the first start from the portal's export through the round
 * importer: its A–E answers by WHO region as the round classifies its countries, Jordan's answers,
 * "N/A" kept as not applicable, multiple choices read as lists, and the import a user runs (the
 * administrators' page) on a CSV. Expected values are read from the file (support/tracss-2025-file.ts).
 */
const F = 'tracss-2025';
let app: FastifyInstance;
let database: Database;
let close: () => Promise<void>;
let questions: Indicator[];
beforeAll(async () => {
  ({ app, database, close } = await openTestApp());
  questions = (await get<{ items: Indicator[] }>(`/api/frameworks/${F}/indicators`)).items;
});
afterAll(async () => close?.());

async function get<T>(url: string): Promise<T> {
  const res = await app.inject({ url });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
const valuesOf = async (query: string) =>
  (await get<{ items: IndicatorValue[] }>(`/api/values?framework=${F}&limit=1000&${query}`)).items;
const question = (code: string) => {
  const q = questions.find((x) => x.code === code);
  if (!q) throw new Error(`no question ${code}`);
  return q;
};
const labelsOf = (q: Indicator, v: IndicatorValue | undefined) =>
  (v?.choices ?? []).map((c) => q.options?.find((o) => o.code === c)?.label);

describe('the TrACSS 2025 round as loaded on the first start', () => {
  it('has every question of the round, by type, with the codes the crosswalk uses', async () => {
    const byType: Record<string, number> = {};
    for (const q of questions) byType[q.measureType] = (byType[q.measureType] ?? 0) + 1;
    expect(byType).toEqual({
      level: 44,
      yes_no: 20,
      single_choice: 18,
      multiple_choice: 17,
      number: 4,
      text: 7,
    });
    expect(questions.filter((q) => q.measureType === 'level').map((q) => q.code)).toEqual(LEVEL_CODES_2025);
    const codes = questions.map((q) => q.code);
    for (const c of ['2.1', '2.3', '2.3.a', '4.5.a', '4.5.b', '5.4.b', '5.6.a', '3.6', '4.7.1', '2.24-1'])
      expect(codes).toContain(c);
    expect(question('2.1').section).toBe('Section II: Questions which are multisector in nature');
    expect(question('3.5')).toMatchObject({ gapObjective: 2, sectors: ['human_health'] });
    expect(question('6.6').gapObjective).toBe(4);
    const rounds = await get<{ items: { code: string; periods: string[]; questions: number }[] }>(
      '/api/rounds',
    );
    expect(rounds.items.find((r) => r.code === F)).toMatchObject({ periods: ['2025'], questions: 110 });
  });

  it('words each level as the answers do, without footnote marks', () => {
    const marks = /[†‡*§¶⁰¹²³⁴⁵⁶⁷⁸⁹]|\w\+ /;
    for (const q of questions) {
      for (const w of Object.values(q.levels ?? {})) expect(w, q.code).not.toMatch(marks);
      for (const o of q.options ?? []) expect(o.label, q.code).not.toMatch(marks);
    }
    // The file writes 3.3's level D "clinical-level† antimicrobial use" and 3.5's B "patients ‡, but".
    expect(question('3.3').levels?.D).toMatch(/^In addition to C, clinical-level antimicrobial use data/);
    expect(question('3.5').levels?.B).toContain('community patients, but data collection');
    expect(question('2.3.a').levels?.A).toBe(
      'National action plan on AMR exists but is not endorsed by government and is not being implemented.',
    );
    // Every level wording is one the answers give (letter and footnote marks aside).
    for (const code of LEVEL_CODES_2025) {
      const given = new Set(
        RESPONDENTS_2025.map((r) => (r.row[columnOf(code)] ?? '').trim())
          .filter((a) => letterOf(a))
          .map(
            (a) =>
              `${a[0]}|${a
                .slice(4)
                .replace(/[†‡*§+]/g, '')
                .replace(/\s+/g, '')}`,
          ),
      );
      for (const [l, w] of Object.entries(question(code).levels ?? {}))
        if (w) expect(given.has(`${l}|${w.replace(/\s+/g, '')}`), `${code} ${l}`).toBe(true);
    }
  });

  it.each(['AFR', 'AMR', 'EMR', 'EUR', 'SEAR', 'WPR'])(
    'WHO region %s as the round classifies it: the A–E counts of every question are the file’s',
    async (region) => {
      const r = await get<HeatmapResult>(
        `/api/compare/heatmap?framework=${F}&groupType=who_region&group=${region}`,
      );
      expect(r.period).toBe('2025');
      expect(r.group.classification).toMatchObject({ basis: 'round' });
      expect(r.indicators.map((i) => i.code)).toEqual(LEVEL_CODES_2025);
      for (const i of r.indicators)
        expect(i.stats.distribution, i.code).toEqual(distribution2025(i.code, (x) => x.region === region));
      const members = new Set(r.group.members);
      for (const x of RESPONDENTS_2025) expect(members.has(x.iso3), x.iso3).toBe(x.region === region);
    },
  );

  it('all respondents: the A–E counts of every question are the file’s; Indonesia is in the Western Pacific', async () => {
    const r = await get<HeatmapResult>(`/api/compare/heatmap?framework=${F}&groupType=all`);
    for (const i of r.indicators)
      expect(i.stats.distribution, i.code).toEqual(distribution2025(i.code, () => true));
    expect(RESPONDENTS_2025.find((x) => x.iso3 === 'IDN')?.region).toBe('WPR');
  });

  it("Jordan's answers to the A–E questions are the file's; N/A is not applicable", async () => {
    const values = await valuesOf('country=JOR');
    for (const code of LEVEL_CODES_2025) {
      const given = answer2025('JOR', code);
      const v = values.find((x) => x.indicatorCode === code);
      if (!given) expect(v, code).toBeUndefined();
      else if (given === 'N/A') expect(v, code).toMatchObject({ status: 'not_applicable', level: null });
      else expect(v, code).toMatchObject({ status: 'reported', level: letterOf(given), source: 'published' });
    }
    const compare = await get<{ rows: { indicator: { code: string }; countryLevel: string | null }[] }>(
      `/api/compare?framework=${F}&country=JOR&groupType=who_region`,
    );
    for (const row of compare.rows)
      expect(row.countryLevel, row.indicator.code).toBe(letterOf(answer2025('JOR', row.indicator.code)));
  });

  it.each(['2.3.a', '4.6', '5.6.a'])(
    'question %s: every "N/A" of the file is kept as not applicable',
    async (code) => {
      const expected = RESPONDENTS_2025.filter((x) => (x.row[columnOf(code)] ?? '').trim() === 'N/A').length;
      expect(expected).toBeGreaterThan(0);
      const values = await valuesOf(`indicator=${code}`);
      const na = values.filter((v) => v.status === 'not_applicable');
      expect(na).toHaveLength(expected);
      for (const v of na) expect(v).toMatchObject({ level: null, textValue: 'N/A' });
    },
  );

  it('reads a multiple choice answered in one column per option as the list of options answered Yes', async () => {
    const q = question('2.2');
    expect(q.measureType).toBe('multiple_choice');
    const first = columnOf('2.2') + 1;
    const optionHeaders = HEADER_2025.slice(first, first + 7);
    expect(q.options?.map((o) => o.label)).toEqual(optionHeaders.map((h) => h.replace(/_/g, ' ')));
    const values = await valuesOf('indicator=2.2');
    expect(values).toHaveLength(RESPONDENTS_2025.length);
    for (const r of RESPONDENTS_2025) {
      const yes = optionHeaders.filter((_, i) => (r.row[first + i] ?? '').trim() === 'Yes');
      const v = values.find((x) => x.countryIso3 === r.iso3);
      expect(labelsOf(q, v), r.iso3).toEqual(yes.map((h) => h.replace(/_/g, ' ')));
    }
    const jor = values.find((x) => x.countryIso3 === 'JOR');
    expect(jor?.textValue).toBe(labelsOf(q, jor).join('; '));
  });

  it('reads a multiple choice listed in one cell, a "Please specify" option keeping its details', async () => {
    const q = question('4.7.1');
    const values = await valuesOf('indicator=4.7.1');
    let specified = 0;
    for (const r of RESPONDENTS_2025) {
      const cell = (r.row[columnOf('4.7.1')] ?? '').trim();
      const v = values.find((x) => x.countryIso3 === r.iso3);
      if (!cell) continue;
      if (cell === 'N/A') {
        expect(v?.status, r.iso3).toBe('not_applicable');
        continue;
      }
      // The options as the cell lists them: " ," between them; "Please specify :" ends the list.
      const items = cell.split(/ ,/).map((s) =>
        s
          .replace(/Please specify :.*$/s, 'Please specify')
          .replace(/\s+/g, ' ')
          .trim(),
      );
      const listed = items.slice(0, items.findIndex((s) => s.endsWith('Please specify')) + 1 || items.length);
      expect(labelsOf(q, v).sort(), r.iso3).toEqual(listed.sort());
      expect(v?.textValue).toBe(cell);
      if (/Please specify : \S/.test(cell)) specified++;
    }
    expect(specified).toBeGreaterThan(10);
  });

  it('reads single choices and numbers as the file gives them', async () => {
    const q = question('4.5.a');
    const aquatic = q.options?.find((o) => o.label === 'Yes, aquatic animals only');
    const values = await valuesOf('indicator=4.5.a');
    const expected = RESPONDENTS_2025.filter(
      (r) => answer2025(r.iso3, '4.5.a') === 'Yes, aquatic animals only',
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(
      values
        .filter((v) => v.choices?.[0] === aquatic?.code)
        .map((v) => v.countryIso3)
        .sort(),
    ).toEqual(expected.map((r) => r.iso3).sort());
    const labs = await valuesOf('indicator=3.6');
    for (const r of RESPONDENTS_2025) {
      const given = answer2025(r.iso3, '3.6');
      expect(labs.find((v) => v.countryIso3 === r.iso3)?.numericValue ?? null, r.iso3).toBe(
        given ? Number(given) : null,
      );
    }
  });
});

describe('the 2019–2020 level wordings', () => {
  it('carry no footnote numbers, and a start corrects a database loaded before the fix', async () => {
    const qs = await get<{ items: Indicator[] }>(
      '/api/frameworks/tracss-2019-2020/indicators?measureType=level',
    );
    for (const q of qs.items)
      for (const w of Object.values(q.levels ?? {})) expect(w, q.code).not.toMatch(/[a-z.,]\d+\b/);
    const q81 = qs.items.find((q) => q.code === '8.1');
    expect(q81?.levels?.D).toContain('WHO IPC core components guidelines and IPC plans');
    const old = { ...(q81?.levels as NonNullable<Indicator['levels']>) };
    old.D = old.D.replace('guidelines and', 'guidelines13 and');
    await database.db
      .update(indicators)
      .set({ levels: old })
      .where(eq(indicators.id, q81?.id ?? 0));
    await database.db.transaction((tx) => loadTracssFramework(tx));
    const [after] = await database.db
      .select({ levels: indicators.levels })
      .from(indicators)
      .where(eq(indicators.id, q81?.id ?? 0));
    expect(after?.levels?.D).toBe(q81?.levels?.D);
  });
});

describe('importing the 2025 export as a user does: the administrators’ page', () => {
  let session: Parameters<typeof withCredential>[0];
  beforeAll(async () => {
    await makeUser(database, 'import-2025@example.org', [role('admin')]);
    session = { session: await signIn(app, 'import-2025@example.org') };
  });
  const importCsv = (data: Buffer, dryRun: boolean) =>
    app.inject(
      withCredential(session, {
        method: 'POST',
        url: `/api/rounds/${F}/import`,
        payload: uploadForm({ name: 'tracss-2025-part.csv', data }, { dryRun: String(dryRun) }),
      }),
    );
  const some = ['JOR', 'LBN', 'EGY'].map((iso3) => ROWS_2025.find((r) => r.includes(iso3)) as string[]);

  it('checks a CSV and says which columns it did not place, and why', async () => {
    const res = await importCsv(csvOf(HEADER_2025, some), true);
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json() as ImportResult;
    expect(r).toMatchObject({ dryRun: true, alreadyImported: false, countries: 3, missingColumns: [] });
    const ignored = r.unplacedColumns.filter((c) => c.reason === 'ignored').map((c) => c.header);
    expect(ignored.slice(0, 3)).toEqual(['FAO_Region', 'UNEP_Region', 'WOAH_Region']);
    expect(ignored).toHaveLength(14);
    const headings = r.unplacedColumns.filter((c) => c.reason === 'heading');
    expect(headings.map((c) => c.header)).toContain('Section_II_Questions_which_are_multisector_in_nature_');
    expect(headings.find((c) => c.header.startsWith('4.5__'))?.column).toBe(
      columnLetters(columnOf('4.5') + 1),
    );
    // Every column is a question's, an option's, the country's, or listed: 248 in all.
    const placedByQuestions = questions.length + questions.reduce((n, q) => n + (q.options?.length ?? 0), 0);
    const inCell = ['2.29-1', '4.7.1', '4.8.1'].reduce((n, c) => n + (question(c).options?.length ?? 0), 0);
    const singles = questions
      .filter((q) => q.measureType === 'single_choice')
      .reduce((n, q) => n + (q.options?.length ?? 0), 0);
    // 4 placed columns besides the questions: Country, ISO3, WHO_Region, World_Bank_Income_Category.
    expect(4 + placedByQuestions - inCell - singles + r.unplacedColumns.length).toBe(HEADER_2025.length);
  });

  it('names a column it cannot place, by its cell, and writes nothing', async () => {
    const header = [...HEADER_2025, 'Favourite_colour', 'Empty_remark'];
    const body = some.map((r) => [...r, 'blue', '']);
    for (const dryRun of [true, false]) {
      const res = await importCsv(csvOf(header, body), dryRun);
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json().issues).toEqual([
        {
          path: `${columnLetters(HEADER_2025.length + 1)}1`,
          message:
            'column "Favourite_colour" holds answers but matches no question of tracss-2025 (it follows the column of question 6.7)',
        },
      ]);
    }
  });

  it('a plan may follow a 2025 A–E question, not yet a choice question', async () => {
    const follow = (code: string) =>
      jordanPlanId(database).then((planId) =>
        app.inject(
          withCredential(session, {
            method: 'POST',
            url: `/api/plans/${planId}/indicators`,
            payload: { indicator: { kind: 'framework', framework: F, code }, direction: 'increase' },
          }),
        ),
      );
    const choice = await follow('2.2');
    expect(choice.statusCode).toBe(400);
    expect(choice.json().message).toBe(
      'indicator.code: tracss-2025 2.2 is a multiple-choice question; a plan cannot track it yet',
    );
    expect((await follow('3.5')).statusCode).toBe(201);
  });

  it('imports the CSV: the countries’ answers are replaced by the same answers', async () => {
    const before = await valuesOf('country=JOR');
    const res = await importCsv(csvOf(HEADER_2025, some), false);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ dryRun: false, countries: 3 });
    const after = await valuesOf('country=JOR');
    const key = (v: IndicatorValue) =>
      `${v.indicatorCode}|${v.status}|${v.level}|${v.numericValue}|${v.textValue}|${v.choices}`;
    expect(after.map(key).sort()).toEqual(before.map(key).sort());
    const [n] = await database.rows<{ n: number }>(
      sql`select count(*)::int as n from indicator_values v join periods p on p.id = v.period_id
          where p.framework_code = ${F}`,
    );
    expect(n?.n).toBe(19_027);
  });
});

/** A copy of the test template database for a child process: a PGlite folder, or a Postgres database. */
async function databaseForChild(
  dir: string,
): Promise<{ env: Record<string, string>; drop: () => Promise<void> }> {
  const dump = inject('pgliteDump');
  if (dump) {
    const dataDir = path.join(dir, 'pglite');
    const pg = await PGlite.create({ dataDir, loadDataDir: new Blob([readFileSync(dump)]) });
    await pg.close();
    return { env: { PGLITE_DATA_DIR: dataDir }, drop: async () => {} };
  }
  const templateUrl = inject('pgTemplateUrl');
  const name = `${new URL(templateUrl).pathname.slice(1)}_cli_${process.pid}`;
  const admin = postgres(templateUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name} template ${new URL(templateUrl).pathname.slice(1)}`);
  return {
    env: { DATABASE_URL: withDatabase(templateUrl, name) },
    drop: async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/** `npm run import -- …` as the built tool runs it, here from the sources (tsx). */
function runImport(args: string[], env: Record<string, string>) {
  const { DATABASE_URL: _, ...rest } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli/import.ts', ...args], {
    cwd: path.resolve(import.meta.dirname, '../..'),
    env: { ...rest, LOG_LEVEL: 'silent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => {
    out += d;
  });
  child.stderr.on('data', (d) => {
    err += d;
  });
  return new Promise<{ code: number | null; out: string; err: string }>((resolve) =>
    child.on('exit', (code) => resolve({ code, out, err })),
  );
}

describe('importing the 2025 export as a user does: the command line', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'nap-cli-2025-'));
  let child: Awaited<ReturnType<typeof databaseForChild>>;
  beforeAll(async () => {
    child = await databaseForChild(dir);
  });
  afterAll(async () => {
    await child?.drop();
    rmSync(dir, { recursive: true, force: true });
  });
  const some = ['JOR', 'MAR'].map((iso3) => ROWS_2025.find((r) => r.includes(iso3)) as string[]);

  it('imports a CSV into tracss-2025 (its only period by default) and lists the columns it left out', async () => {
    const file = path.join(dir, 'tracss-2025-two.csv');
    writeFileSync(file, csvOf(HEADER_2025, some));
    const r = await runImport(['tracss', file, '--framework', F], child.env);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^Imported \d+ answers of 2 countries into tracss-2025 2025\.$/m);
    expect(r.out).toMatch(/^Columns not placed \(\d+\):$/m);
    expect(r.out).toContain(
      `  ${columnLetters(HEADER_2025.indexOf('FAO_Region') + 1)} ignored on purpose: FAO_Region`,
    );
    expect(r.out).toMatch(/^ {2}[A-Z]+ a heading, no answers: Section_II_Questions/m);
  }, 120_000);

  it('names the column it cannot place and imports nothing', async () => {
    const file = path.join(dir, 'tracss-2025-bad.csv');
    writeFileSync(
      file,
      csvOf(
        [...HEADER_2025, 'Favourite_colour'],
        some.map((r) => [...r, 'blue']),
      ),
    );
    const r = await runImport(['tracss', file, '--framework', F, '--dry-run'], child.env);
    expect(r.code).toBe(1);
    expect(r.err).toContain('nothing was imported');
    expect(r.err).toContain(
      `${columnLetters(HEADER_2025.length + 1)}1: column "Favourite_colour" holds answers`,
    );
  }, 120_000);
});
