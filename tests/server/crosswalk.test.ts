import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import type { Database } from '../../server/db/client';
import { loadCrosswalk, parseCrosswalkFile } from '../../server/db/reference/crosswalk';
import {
  type ChangeResult,
  COMPARABILITIES,
  type CountryTrend,
  type Crosswalk,
  LEVELS,
  type Level,
  levelToScore,
} from '../../shared';
import { openTestDatabase } from '../setup/test-db';
import { makeUser, role, signIn, withCredential } from './support/auth';
import {
  COUNTRIES_2025,
  CROSSWALK_ROWS,
  CROSSWALK_SPEC,
  ensureRound2025,
  HEADER_2025,
  LEVEL_COLUMNS_2025,
  level2025,
  QUESTIONS_2019_AE,
  ROUND_2025,
} from './support/tracss-2025';
import { LONG } from './support/tracss-file';

/*
 * The crosswalk TrACSS 2019–2020 ↔ 2025 (server/db/reference-data/tracss/crosswalk_2019_2020_2025.csv):
 * the file against both rounds' questions, its loader, and the change view and country trend built on
 * it — with every expected number recounted here from the two rounds' files, not by the app.
 *
 * The 2025 round: when the app loads its framework `tracss-2025` (the 2025 import), the tests run on it;
 * until then ensureRound2025 builds one from the file's real answers to the crosswalk's 2025 questions,
 * through the round importer. Every assertion holds for both.
 */

const FROM = 'tracss-2019-2020';
const TO = ROUND_2025;
const compared = CROSSWALK_ROWS.filter((r) => r.comparability !== 'not_comparable');

/** A country's 2019–2020 level on a question, from the round's long table. */
const level2019 = (() => {
  const byKey = new Map(
    LONG.filter((r) => r.level).map((r) => [`${r.iso3}|${r.indicator_code}`, r.level as Level]),
  );
  return (iso3: string, code: string): Level | null => byKey.get(`${iso3}|${code}`) ?? null;
})();
const COUNTRIES_2019 = [...new Set(LONG.map((r) => r.iso3 as string))];

describe('the crosswalk file', () => {
  it('has the reviewed columns, valid marks, and a note wherever a pair is not plainly comparable', () => {
    expect(Object.keys(CROSSWALK_ROWS[0] ?? {})).toEqual([
      'code_2019_2020',
      'code_2025',
      'comparability',
      'note',
    ]);
    for (const [i, r] of CROSSWALK_ROWS.entries()) {
      const row = `row ${i + 2} (${r.code_2019_2020} → ${r.code_2025 || '—'})`;
      expect(COMPARABILITIES, row).toContain(r.comparability);
      if (r.comparability !== 'comparable')
        expect(r.note?.trim().length, `${row} needs a note`).toBeGreaterThan(20);
      if (!r.code_2025)
        expect(r.comparability, `${row}: no counterpart means not comparable`).toBe('not_comparable');
    }
    const keys = CROSSWALK_ROWS.map((r) => `${r.code_2019_2020}|${r.code_2025}`);
    expect(new Set(keys).size, 'a pair listed twice').toBe(keys.length);
  });

  it('names only A–E questions of each round, and gives every 2019–2020 A–E question a row', () => {
    expect(QUESTIONS_2019_AE.size).toBe(23);
    // The 44 A–E questions of 2025 ("X - wording" answers), by the header's code.
    expect(LEVEL_COLUMNS_2025.size).toBe(44);
    for (const r of CROSSWALK_ROWS) {
      expect(QUESTIONS_2019_AE.has(r.code_2019_2020 ?? ''), `2019–2020 ${r.code_2019_2020}`).toBe(true);
      if (r.code_2025) expect(LEVEL_COLUMNS_2025.has(r.code_2025), `2025 ${r.code_2025}`).toBe(true);
    }
    const covered = new Set(CROSSWALK_ROWS.map((r) => r.code_2019_2020));
    expect([...QUESTIONS_2019_AE.keys()].filter((c) => !covered.has(c))).toEqual([]);
    // A code with no A–E counterpart is still asked in 2025 in another form: 7.3 → 5.2 (three options).
    expect(
      HEADER_2025.some((h) => h.startsWith('5.2_National_monitoring_system_for_antimicrobial_pesticide')),
    ).toBe(true);
  });

  it('is read by the loader as written; a malformed row is refused naming its row and field', () => {
    const pairs = parseCrosswalkFile(readFileSync(CROSSWALK_SPEC.file, 'utf8'), CROSSWALK_SPEC);
    expect(pairs).toEqual(
      CROSSWALK_ROWS.map((r) => ({
        from: r.code_2019_2020,
        to: r.code_2025 || null,
        comparability: r.comparability,
        ...(r.note ? { note: r.note } : {}),
      })),
    );
    const header = 'code_2019_2020,code_2025,comparability,note\n';
    expect(() =>
      parseCrosswalkFile(`${header}4.1,2.1,comparible,x\n6.2,3.1,caution,\n`, CROSSWALK_SPEC),
    ).toThrow(
      'row 2, comparability: "comparible" is not one of comparable, caution, not_comparable; ' +
        'row 3, note: a caution row needs a note saying why',
    );
    expect(() =>
      parseCrosswalkFile('code_2019_2020,comparability\n4.1,comparable\n', CROSSWALK_SPEC),
    ).toThrow('missing column(s) code_2025, note');
  });
});

let database: Database;
let app: FastifyInstance;
const dirs: string[] = [];

beforeAll(async () => {
  database = await openTestDatabase();
  await ensureRound2025(database);
  app = await buildApp({ database });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await database?.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const get = async <T>(url: string): Promise<T> => {
  const res = await app.inject({ url });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as T;
};

describe('the crosswalk loader', () => {
  it('skips a crosswalk whose round is not loaded, with a warning, and writes nothing', async () => {
    const warnings: string[] = [];
    const log = { info: () => {}, warn: (_o: object, msg: string) => warnings.push(msg) };
    const result = await loadCrosswalk(database.db, { ...CROSSWALK_SPEC, to: 'tracss-2099' }, log);
    expect(result).toEqual({ status: 'skipped', from: FROM, to: 'tracss-2099', missing: ['tracss-2099'] });
    expect(warnings).toEqual([
      'crosswalk tracss-2019-2020 → tracss-2099 not loaded: no framework tracss-2099 yet; its pairs are skipped',
    ]);
  });

  it('holds the file once both rounds exist, idempotently, and puts it back over other pairs', async () => {
    // Loaded when the round came (the app's start-up, or ensureRound2025 as the start-up does): a second
    // load finds the database holding exactly the file and writes nothing.
    expect(await loadCrosswalk(database.db, CROSSWALK_SPEC)).toEqual({
      status: 'unchanged',
      from: FROM,
      to: TO,
      pairs: CROSSWALK_ROWS.length,
    });
    const stored = await get<Crosswalk>(`/api/crosswalk?from=${FROM}&to=${TO}`);
    const asFile = (p: { from: string; to: string | null; comparability: string; note: string | null }) =>
      `${p.from}|${p.to ?? ''}|${p.comparability}|${p.note ?? ''}`;
    const fileKeys = CROSSWALK_ROWS.map(
      (r) => `${r.code_2019_2020}|${r.code_2025}|${r.comparability}|${r.note}`,
    );
    expect(stored.pairs.map(asFile).sort()).toEqual([...fileKeys].sort());

    // An administrator replaces the crosswalk; the next start puts the reviewed file back.
    await makeUser(database, 'xw-admin@example.org', [role('admin')]);
    const admin = await signIn(app, 'xw-admin@example.org');
    const put = await app.inject(
      withCredential(
        { session: admin },
        {
          method: 'PUT',
          url: '/api/crosswalk',
          payload: { from: FROM, to: TO, pairs: [{ from: '7.4', to: '3.5', comparability: 'comparable' }] },
        },
      ),
    );
    expect(put.statusCode, put.body).toBe(200);
    expect(await loadCrosswalk(database.db, CROSSWALK_SPEC)).toMatchObject({ status: 'loaded' });
    const back = await get<Crosswalk>(`/api/crosswalk?from=${FROM}&to=${TO}`);
    expect(back.pairs.map(asFile).sort()).toEqual([...fileKeys].sort());
  });

  it('refuses a code its round does not have, naming the row, and keeps what was there', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'nap-crosswalk-'));
    dirs.push(dir);
    const file = path.join(dir, 'bad.csv');
    writeFileSync(
      file,
      'code_2019_2020,code_2025,comparability,note\n4.1,2.1,comparable,\n7.4,3.99,caution,Reworded\n',
    );
    await expect(loadCrosswalk(database.db, { ...CROSSWALK_SPEC, file })).rejects.toThrow(
      'bad.csv: row 3, code_2025: no question 3.99 in tracss-2025',
    );
    const kept = await get<Crosswalk>(`/api/crosswalk?from=${FROM}&to=${TO}`);
    expect(kept.pairs).toHaveLength(CROSSWALK_ROWS.length);
  });

  it('PUT /api/crosswalk checks the three marks: a note unless comparable, no counterpart only when not comparable', async () => {
    const admin = await signIn(app, 'xw-admin@example.org');
    const res = await app.inject(
      withCredential(
        { session: admin },
        {
          method: 'PUT',
          url: '/api/crosswalk',
          payload: {
            from: FROM,
            to: TO,
            pairs: [
              { from: '9.1', to: '3.15', comparability: 'caution' },
              { from: '7.3', to: null, comparability: 'comparable' },
            ],
          },
        },
      ),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().issues).toEqual([
      { path: 'pairs.0.note', message: 'a caution pair needs a note saying why' },
      { path: 'pairs.1.comparability', message: 'a question without a counterpart is not_comparable' },
    ]);
  });
});

describe('change 2019–2020 → 2025, recounted from the two files', () => {
  /** The counts of one pair among the given members, from the files. */
  function expected(from: string, to: string, members: readonly string[]) {
    const counts = { improved: 0, same: 0, regressed: 0, no_answer: 0 };
    const levels = {
      from: Object.fromEntries(LEVELS.map((l) => [l, 0])),
      to: Object.fromEntries(LEVELS.map((l) => [l, 0])),
    };
    for (const iso3 of members) {
      const a = level2019(iso3, from);
      const b = level2025(iso3, to);
      if (a) levels.from[a] = (levels.from[a] ?? 0) + 1;
      if (b) levels.to[b] = (levels.to[b] ?? 0) + 1;
      if (!a || !b) counts.no_answer++;
      else {
        const d = levelToScore(b) - levelToScore(a);
        counts[d > 0 ? 'improved' : d < 0 ? 'regressed' : 'same']++;
      }
    }
    return { counts, levels };
  }

  it('every compared pair of the file, for all countries: levels in each round, who moved, the marks', async () => {
    const r = await get<ChangeResult>(`/api/compare/change?from=${FROM}&to=${TO}&groupType=all`);
    // Every respondent of either round is a member of "all countries".
    expect(r.group.members).toEqual(expect.arrayContaining([...COUNTRIES_2019, ...COUNTRIES_2025]));
    expect(r.pairs.map((p) => `${p.from.code}→${p.to.code}`)).toEqual(
      compared.map((c) => `${c.code_2019_2020}→${c.code_2025}`),
    );
    for (const [i, p] of r.pairs.entries()) {
      const row = compared[i];
      if (!row) throw new Error('more pairs than the file');
      const want = expected(row.code_2019_2020 ?? '', row.code_2025 ?? '', r.group.members);
      const label = `${p.from.code} → ${p.to.code}`;
      expect(p.comparability, label).toBe(row.comparability);
      expect(p.note, label).toBe(row.note || null);
      expect(p.counts, label).toEqual(want.counts);
      expect(p.levels, label).toEqual(want.levels);
    }
    // Sanity on one pair by hand: 6.2 → 3.1 (same wording) was answered by the 2019–20 respondents.
    const training = r.pairs.find((p) => p.from.code === '6.2');
    expect(Object.values(training?.levels.from ?? {}).reduce((a, b) => a + b, 0)).toBe(
      LONG.filter((x) => x.indicator_code === '6.2' && x.level).length,
    );
  });

  it('lists the pairs that are not comparable, and the questions without a counterpart, with their reason', async () => {
    const r = await get<ChangeResult>(`/api/compare/change?from=${FROM}&to=${TO}&groupType=all`);
    const want = CROSSWALK_ROWS.filter((c) => c.comparability === 'not_comparable').map((c) => ({
      from: c.code_2019_2020,
      to: c.code_2025 || null,
      comparability: 'not_comparable',
      note: c.note,
    }));
    const key = (x: { from: string; to: string | null }) => `${x.from}|${x.to}`;
    expect([...r.notComparable].sort((a, b) => key(a).localeCompare(key(b)))).toEqual(
      [...want].sort((a, b) => key(a as never).localeCompare(key(b as never))),
    );
    expect(r.notComparable.find((p) => p.from === '7.3')).toMatchObject({ to: null });
    expect(r.pairs.some((p) => p.from.code === '7.4')).toBe(false);
  });

  it('movers: each country answering both rounds, net steps over the compared pairs', async () => {
    const r = await get<ChangeResult>(`/api/compare/change?from=${FROM}&to=${TO}&groupType=all`);
    const want = new Map<string, { improved: number; regressed: number; same: number; net: number }>();
    for (const iso3 of r.group.members)
      for (const c of compared) {
        const a = level2019(iso3, c.code_2019_2020 ?? '');
        const b = level2025(iso3, c.code_2025 ?? '');
        if (!a || !b) continue;
        const m = want.get(iso3) ?? { improved: 0, regressed: 0, same: 0, net: 0 };
        const d = levelToScore(b) - levelToScore(a);
        m[d > 0 ? 'improved' : d < 0 ? 'regressed' : 'same']++;
        m.net += d;
        want.set(iso3, m);
      }
    expect(r.movers).toHaveLength(want.size);
    for (const m of r.movers)
      expect({ ...m, name: undefined, iso3: m.iso3 }).toEqual({
        ...want.get(m.iso3),
        iso3: m.iso3,
        name: undefined,
      });
    // Largest |net| first.
    const nets = r.movers.map((m) => Math.abs(m.net));
    expect(nets).toEqual([...nets].sort((a, b) => b - a));
  });

  it('the Eastern Mediterranean as the 2025 file classifies its respondents', async () => {
    const r = await get<ChangeResult>(
      `/api/compare/change?from=${FROM}&to=${TO}&groupType=who_region&group=EMR`,
    );
    const region = HEADER_2025.indexOf('WHO_Region');
    const csv = readFileSync(
      path.resolve(import.meta.dirname, '../fixtures/tracss_2025_country_responses.csv'),
      'utf8',
    );
    const emr2025 = new Set(
      (await import('../../server/lib/spreadsheet'))
        .parseCsv(csv)
        .slice(1)
        .filter((row) => row[region] === 'Eastern Mediterranean')
        .map((row) => row[HEADER_2025.indexOf('ISO3')] ?? ''),
    );
    expect(emr2025.size).toBe(19);
    expect(r.pairs).toHaveLength(compared.length);
    expect(r.group.members).toEqual(expect.arrayContaining([...emr2025]));
    for (const [i, p] of r.pairs.entries()) {
      const row = compared[i];
      const want = expected(row?.code_2019_2020 ?? '', row?.code_2025 ?? '', [...emr2025]);
      const label = `EMR ${p.from.code} → ${p.to.code}`;
      // Who moved, and the 2025 levels: the 2025 respondents, grouped by the 2025 file.
      expect({ ...p.counts, no_answer: 0 }, label).toEqual({ ...want.counts, no_answer: 0 });
      expect(p.levels.to, label).toEqual(want.levels.to);
      // The 2019–20 levels of every member (non-respondents of 2025 grouped by the reference lists).
      expect(p.levels.from, label).toEqual(
        expected(row?.code_2019_2020 ?? '', row?.code_2025 ?? '', r.group.members).levels.from,
      );
    }
  });
});

describe("a country's trend over the rounds", () => {
  it('Jordan: each compared question, its level in each round, caution marked — from the files', async () => {
    const t = await get<CountryTrend>('/api/countries/JOR/trend');
    expect(t.rounds.map((x) => [x.framework, x.answered])).toEqual([
      [FROM, true],
      [TO, true],
    ]);
    expect(t.items.map((x) => `${x.from.code}→${x.to.code}`)).toEqual(
      compared.map((c) => `${c.code_2019_2020}→${c.code_2025}`),
    );
    for (const [i, item] of t.items.entries()) {
      const row = compared[i];
      const from = level2019('JOR', row?.code_2019_2020 ?? '');
      const to = level2025('JOR', row?.code_2025 ?? '');
      expect(item, `${item.from.code} → ${item.to.code}`).toMatchObject({
        comparability: row?.comparability,
        note: row?.note || null,
        from: { framework: FROM, level: from, source: 'published' },
        to: { framework: TO, level: to, source: 'published' },
      });
    }
    // By hand from the two files: multi-sector coordination B (2019–20 4.1) → C (2025 2.1), reworded levels.
    expect(t.items[0]).toMatchObject({
      comparability: 'caution',
      from: { code: '4.1', level: 'B' },
      to: { code: '2.1', level: 'C' },
      change: 'improved',
    });
    // IPC 8.1 D → 3.14 D, same wording.
    expect(t.items.find((x) => x.from.code === '8.1')).toMatchObject({
      comparability: 'comparable',
      to: { code: '3.14', level: 'D' },
      change: 'same',
    });
    // Redefined questions are not in the trend: 7.4 (AMR surveillance in humans) → 3.5.
    expect(t.items.some((x) => x.from.code === '7.4')).toBe(false);
  });

  it('Syria answered 2019–2020 only: its levels then, no answer in 2025', async () => {
    const t = await get<CountryTrend>('/api/countries/SYR/trend');
    expect(t.rounds.map((x) => x.answered)).toEqual([true, false]);
    expect(
      t.items.every((x) => x.to.level === null && x.to.status === null && x.change === 'no_answer'),
    ).toBe(true);
    expect(t.items.find((x) => x.from.code === '4.1')?.from.level).toBe(level2019('SYR', '4.1'));
  });

  it("reads published rounds only: the country's own national report on a question does not enter it", async () => {
    await database.rows(sql`
      insert into frameworks (code, name, kind) values ('national-jor', 'National indicators (JOR)', 'national')
      on conflict do nothing`);
    await database.rows(sql`
      insert into periods (framework_code, code, label, start_date, end_date)
      values ('national-jor', '2020', '2020', '2020-01-01', '2020-12-31') on conflict do nothing`);
    await database.rows(sql`
      insert into indicators (framework_code, code, sort_order, name, measure_type, follows_indicator_id)
      select 'national-jor', 'XW-4.1', 900, 'Coordination (own assessment)', 'level', id
      from indicators where framework_code = ${FROM} and code = '4.1'`);
    await database.rows(sql`
      insert into indicator_values (country_iso3, indicator_id, period_id, status, level)
      select 'JOR', i.id, p.id, 'reported', 'E' from indicators i, periods p
      where i.code = 'XW-4.1' and p.framework_code = 'national-jor' and p.code = '2020'`);
    // Even a crosswalk row from that national indicator (no API writes one: rounds only) stays out.
    await database.rows(sql`
      insert into question_crosswalk (from_indicator_id, to_indicator_id, to_framework_code, comparability)
      select f.id, t.id, ${TO}, 'comparable' from indicators f, indicators t
      where f.code = 'XW-4.1' and t.framework_code = ${TO} and t.code = '2.1'`);
    const t = await get<CountryTrend>('/api/countries/JOR/trend');
    expect(t.items[0]?.from).toMatchObject({ code: '4.1', level: 'B' });
    expect(t.items.filter((x) => x.to.code === '2.1')).toHaveLength(1);
    expect(t.rounds.map((x) => x.framework)).toEqual([FROM, TO]);
  });

  it('a country that does not exist is 404', async () => {
    const res = await app.inject({ url: '/api/countries/XXX/trend' });
    expect(res.statusCode).toBe(404);
  });
});
