import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import type { Database } from '../../server/db/client';
import type { ChangeResult, CreateRoundBody } from '../../shared';
import { openTestDatabase } from '../setup/test-db';
import { makeUser, role, type Session, signIn, withCredential } from './support/auth';
import { uploadForm } from './support/upload';

/*
 * A second TrACSS round, built here in a layout unlike the 2019–2020 file: two title rows and a
 * blank row above the header, "Member State" instead of "Country name", "WHO Region" capitalised,
 * a "Remarks" column, and renumbered questions (2019–20 4.1 → 2.1, 7.1 → 3.2; 7.4 ≈ 3.3 but 3.3
 * differs from level C up, so NOT comparable).
 */
const ROUND = 'tracss-2021-2022';
const HEADERS = [
  'Member State',
  'WHO Region',
  'Q2.1 Multi-sector working',
  '3.2 AMU monitoring in humans',
  '3.3 AMR surveillance in humans',
  'Remarks',
];

const round: CreateRoundBody = {
  code: ROUND,
  name: 'TrACSS 2021–2022',
  period: { code: '2021-2022', label: 'TrACSS round 6', startDate: '2021-01-01', endDate: '2022-12-31' },
  questions: [
    { code: '2.1', name: 'Multi-sector and One Health collaboration', measureType: 'level' },
    {
      code: '3.2',
      name: 'National monitoring of antimicrobial use in humans',
      measureType: 'level',
      sourceColumn: HEADERS[3],
    },
    {
      code: '3.3',
      name: 'National surveillance of AMR in humans',
      measureType: 'level',
      sourceColumn: HEADERS[4],
    },
  ],
  mapping: {
    countryColumn: 'Member State',
    ignoreColumns: ['Remarks'],
    columns: { [HEADERS[2] as string]: '2.1' },
  },
};

async function workbook(rows: (string | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Responses 2021');
  ws.addRow(['Tracking AMR Country Self-assessment Survey (TrACSS) 2021']);
  ws.addRow(['Country responses, downloaded from the portal']);
  ws.addRow([]);
  ws.addRow(HEADERS);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

// Row 5 onwards. 2019–20 levels (from the shipped spreadsheet): 4.1 JOR B, LBN C, EGY B, SYR B;
// 7.1 JOR D, LBN B, EGY C, SYR B; 7.4 JOR E, LBN B, EGY D, SYR B. Syria is not in the new file.
const GOOD: (string | null)[][] = [
  ['Jordan', 'EMR', 'C', 'D', 'B', 'checked'],
  ['Lebanon', 'EMR', 'C', 'A', 'C', null],
  ['Egypt', 'EMR', 'A', 'C', null, null],
];

let database: Database;
let app: FastifyInstance;
let admin: Session;
let facilitator: Session;

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildApp({ database });
  await app.ready();
  await makeUser(database, 'r-admin@example.org', [role('admin')]);
  await makeUser(database, 'r-fac@example.org', [role('facilitator')]);
  admin = await signIn(app, 'r-admin@example.org');
  facilitator = await signIn(app, 'r-fac@example.org');
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const asAdmin = (opts: Parameters<typeof withCredential>[1]) =>
  app.inject(withCredential({ session: admin }, opts));
const importFile = (data: Buffer, dryRun: boolean) =>
  asAdmin({
    method: 'POST',
    url: `/api/rounds/${ROUND}/import`,
    payload: uploadForm({ name: 'tracss-2021.xlsx', data }, { dryRun: String(dryRun) }),
  });
const change = async (query: string): Promise<ChangeResult> => {
  const res = await app.inject({ url: `/api/compare/change?from=tracss-2019-2020&to=${ROUND}&${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

describe('a second TrACSS round: questions, mapping, crosswalk, import, change', () => {
  it('only administrators create rounds', async () => {
    const res = await app.inject(
      withCredential({ session: facilitator }, { method: 'POST', url: '/api/rounds', payload: round }),
    );
    expect(res.statusCode).toBe(403);
  });

  it('refuses a mapping to a question the round does not have, naming it', async () => {
    const res = await asAdmin({
      method: 'POST',
      url: '/api/rounds',
      payload: { ...round, mapping: { columns: { 'Q9 Something': '9.9' } } },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().issues).toEqual([
      { path: 'mapping.columns.Q9 Something', message: 'no question 9.9 in this round' },
    ]);
  });

  it('creates the round with its period and questions', async () => {
    const res = await asAdmin({ method: 'POST', url: '/api/rounds', payload: round });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ code: ROUND, periods: ['2021-2022'], questions: 3 });
    const again = await asAdmin({ method: 'POST', url: '/api/rounds', payload: round });
    expect(again.statusCode).toBe(409);
  });

  it('keeps the crosswalk, refusing unknown question codes by pair', async () => {
    const bad = await asAdmin({
      method: 'PUT',
      url: '/api/crosswalk',
      payload: {
        from: 'tracss-2019-2020',
        to: ROUND,
        pairs: [{ from: '7.1', to: '3.9', comparability: 'comparable' }],
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues).toEqual([{ path: 'pairs.0.to', message: `no question 3.9 in ${ROUND}` }]);
    const res = await asAdmin({
      method: 'PUT',
      url: '/api/crosswalk',
      payload: {
        from: 'tracss-2019-2020',
        to: ROUND,
        pairs: [
          { from: '4.1', to: '2.1', comparability: 'comparable' },
          { from: '7.1', to: '3.2', comparability: 'caution', note: 'Level C reworded' },
          { from: '7.4', to: '3.3', comparability: 'not_comparable', note: 'Levels differ from C up' },
        ],
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    const read = await app.inject({ url: `/api/crosswalk?from=tracss-2019-2020&to=${ROUND}` });
    expect(read.json().pairs).toHaveLength(3);
  });

  it('a dry run of a faulty file names every problem cell and writes nothing; applying it neither', async () => {
    const data = await workbook([
      ...GOOD.slice(0, 1),
      ['Lebanon', 'EMR', 'C', 'F', 'C', null], // D6: not a level
      GOOD[2] as (string | null)[],
      [null, null, 'B', null, null, null], // A8: answers without a country
      ['Atlantis', 'EMR', 'B', 'B', 'B', null], // A9: unknown country
    ]);
    for (const dryRun of [true, false]) {
      const res = await importFile(data, dryRun);
      expect(res.statusCode).toBe(422);
      expect(res.json().issues).toEqual([
        { path: 'D6', message: 'question 3.2: "F" is not a level A–E' },
        { path: 'A8', message: 'country name is empty but the row has answers' },
        { path: 'A9', message: 'unknown country "Atlantis"' },
      ]);
    }
    const after = await change('groupType=countries&group=JOR,LBN,EGY,SYR');
    expect(after.pairs.every((p) => p.counts.no_answer === 4)).toBe(true);
  });

  it('a dry run of the good file says what would land; applying imports it', async () => {
    const data = await workbook(GOOD);
    const dry = await importFile(data, true);
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({ dryRun: true, countries: 3, values: 8, missingColumns: [] });
    expect((await change('groupType=countries&group=JOR')).pairs[0]?.counts.no_answer).toBe(1);
    const applied = await importFile(data, false);
    expect(applied.statusCode, applied.body).toBe(200);
    expect(applied.json()).toMatchObject({ dryRun: false, alreadyImported: false, countries: 3, values: 8 });
  });

  it('change between the rounds covers the comparable pairs only, with hand-worked numbers', async () => {
    const r = await change('groupType=countries&group=JOR,LBN,EGY,SYR');
    expect(r.from).toEqual({ framework: 'tracss-2019-2020', period: '2019-2020' });
    expect(r.to).toEqual({ framework: ROUND, period: '2021-2022' });
    expect(r.pairs.map((p) => `${p.from.code}→${p.to.code}`)).toEqual(['4.1→2.1', '7.1→3.2']);
    // 4.1→2.1: JOR B→C up, LBN C→C same, EGY B→A down, SYR no answer in 2021–22
    expect(r.pairs[0]?.counts).toEqual({ improved: 1, same: 1, regressed: 1, no_answer: 1 });
    // 7.1→3.2 (caution: compared, marked): JOR D→D same, LBN B→A down, EGY C→C same, SYR no answer
    expect(r.pairs[1]?.counts).toEqual({ improved: 0, same: 2, regressed: 1, no_answer: 1 });
    expect(r.pairs.map((p) => [p.comparability, p.note])).toEqual([
      ['comparable', null],
      ['caution', 'Level C reworded'],
    ]);
    // The group's levels in each round: 7.1 JOR D, LBN B, EGY C, SYR B; 3.2 JOR D, LBN A, EGY C.
    expect(r.pairs[1]?.levels).toEqual({
      from: { A: 0, B: 2, C: 1, D: 1, E: 0 },
      to: { A: 1, B: 0, C: 1, D: 1, E: 0 },
    });
    expect(r.pairs[1]?.countries.find((c) => c.iso3 === 'LBN')).toEqual({
      iso3: 'LBN',
      from: 'B',
      to: 'A',
      change: 'regressed',
    });
    // 7.4 (JOR E) vs 3.3 (JOR B) would read as a fall of three levels: listed, never compared.
    expect(r.notComparable).toEqual([
      { from: '7.4', to: '3.3', comparability: 'not_comparable', note: 'Levels differ from C up' },
    ]);
    // Movers: JOR +1 (B→C, D→D); EGY −1 (B→A, C→C); LBN −1 (C→C, B→A); Syria answered one round only.
    expect(r.movers).toEqual([
      { iso3: 'JOR', name: 'Jordan', improved: 1, regressed: 0, same: 1, net: 1 },
      { iso3: 'EGY', name: 'Egypt', improved: 0, regressed: 1, same: 1, net: -1 },
      { iso3: 'LBN', name: 'Lebanon', improved: 0, regressed: 1, same: 1, net: -1 },
    ]);
  });

  it('works with a saved group and refuses comparing a round with itself', async () => {
    const groups = (await app.inject({ url: '/api/peer-groups' })).json().items as {
      id: number;
      name: string;
    }[];
    const peers = groups.find((g) => g.name === 'Jordan and its peers');
    const r = await change(`groupType=saved&group=${peers?.id}`);
    expect(r.group).toMatchObject({ type: 'saved', label: 'Jordan and its peers' });
    expect(r.group.members).toEqual(['EGY', 'IRQ', 'JOR', 'LBN', 'PSE', 'SAU', 'SYR']);
    // Same three answering countries as above; IRQ, SAU answered 2019–20 only, PSE neither round.
    expect(r.pairs[0]?.counts).toEqual({ improved: 1, same: 1, regressed: 1, no_answer: 4 });
    const same = await app.inject({ url: `/api/compare/change?from=${ROUND}&to=${ROUND}` });
    expect(same.statusCode).toBe(400);
    expect(same.json().message).toMatch(/^to:/);
  });

  it('GET /api/rounds lists the round with its stored importer mapping', async () => {
    const rounds = (await app.inject({ url: '/api/rounds' })).json().items as {
      code: string;
      mapping: unknown;
    }[];
    expect(rounds.find((x) => x.code === ROUND)?.mapping).toMatchObject({ countryColumn: 'Member State' });
  });
});
