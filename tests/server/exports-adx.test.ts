import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import type { Database } from '../../server/db/client';
import { openTestDatabase } from '../setup/test-db';
import { validateAdx } from './support/adx';
import { makeUser, role, type Session, signIn, withCredential } from './support/auth';
import { jordanPlanId } from './support/plans';
import { addNationalIndicator, addPeriod, as } from './support/workflow';

let database: Database;
let app: FastifyInstance;
const s = {} as Record<'admin' | 'focal' | 'validator', Session>;
const now = () => new Date('2021-04-15T10:00:00Z');

const put = (code: string, year: string, payload: object) =>
  as(app, s.focal, 'PUT', `/api/values/JOR/national-jor/${code}/${year}`, payload);

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildApp({ database, now });
  await app.ready();
  await makeUser(database, 'adx-admin@example.org', [role('admin')]);
  await makeUser(database, 'adx-focal@example.org', [role('focal_point', 'JOR')]);
  await makeUser(database, 'adx-val@example.org', [role('validator', 'JOR')]);
  s.admin = await signIn(app, 'adx-admin@example.org');
  s.focal = await signIn(app, 'adx-focal@example.org');
  s.validator = await signIn(app, 'adx-val@example.org');
  const planId = await jordanPlanId(database);
  await addNationalIndicator(app, s.focal, planId, 'AX-PCT', 'percentage');
  await addNationalIndicator(app, s.focal, planId, 'AX-LVL', 'level');
  await addNationalIndicator(app, s.focal, planId, 'AX-YN', 'yes_no');
  await addNationalIndicator(app, s.focal, planId, 'AX-NUM', 'number');
  const p2019 = (await addPeriod(app, s.focal, planId, 2019, '2020-03-31')).id;
  await addPeriod(app, s.focal, planId, 2020, '2021-03-31');
  const writes = [
    put('AX-PCT', '2019', { status: 'reported', value: { type: 'percentage', percentage: 35.5 } }),
    put('AX-LVL', '2019', { status: 'reported', value: { type: 'level', level: 'C' } }),
    put('AX-YN', '2019', { status: 'reported', value: { type: 'yes_no', answer: true } }),
    put('AX-NUM', '2019', { status: 'no_data', reason: 'survey delayed' }),
    put('AX-PCT', '2020', { status: 'reported', value: { type: 'percentage', percentage: 50 } }),
  ];
  for (const res of await Promise.all(writes)) expect(res.statusCode, res.body).toBe(201);
  const sub = await as(app, s.focal, 'POST', `/api/periods/${p2019}/submit`, { version: 1 });
  const ok = await as(app, s.validator, 'POST', `/api/periods/${p2019}/approve`, {
    version: sub.json().submission.version,
  });
  expect(ok.statusCode, ok.body).toBe(200);
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

async function adx(query: string) {
  const res = await app.inject({ url: `/api/exports/adx?${query}` });
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers['content-type']).toMatch(/^application\/adx\+xml/);
  const check = await validateAdx(res.body);
  expect(check.errors).toEqual([]);
  expect(check.valid).toBe(true);
  return res;
}

describe('ADX export', () => {
  it('the schema check is real: a letter value, a bare year period or no group fail', async () => {
    const doc = (body: string) =>
      `<?xml version="1.0" encoding="UTF-8"?>\n<adx xmlns="urn:ihe:qrph:adx:2015" exported="2021-04-15T10:00:00Z">${body}</adx>`;
    const good =
      '<group orgUnit="JOR" period="2020-01-01/P1Y"><dataValue dataElement="x" value="1"/></group>';
    expect((await validateAdx(doc(good))).valid).toBe(true);
    expect((await validateAdx(doc(good.replace('value="1"', 'value="C"')))).valid).toBe(false);
    expect((await validateAdx(doc(good.replace('2020-01-01/P1Y', '2020')))).valid).toBe(false);
    expect((await validateAdx(doc(''))).valid).toBe(false);
  });

  it('holds Jordan’s approved values in our own codes and validates against the ADX schema', async () => {
    const res = await adx('countries=JOR');
    const xml = res.body;
    expect(xml).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<adx xmlns="urn:ihe:qrph:adx:2015" exported="2021-04-15T10:00:00.000Z">/,
    );
    const national = xml.match(
      /<group orgUnit="JOR" period="2019-01-01\/P1Y" dataSet="national-jor">([\s\S]*?)<\/group>/,
    );
    expect(national?.[1]).toContain(
      '<dataValue dataElement="national-jor:AX-PCT" value="35.5"><annotation>source: national_approved</annotation></dataValue>',
    );
    // Levels as their score (A = 1 … E = 5), yes/no as 1/0; no data is left out and counted.
    expect(national?.[1]).toContain(
      '<dataValue dataElement="national-jor:AX-LVL" value="3"><annotation>source: national_approved</annotation></dataValue>',
    );
    expect(national?.[1]).toContain(
      '<dataValue dataElement="national-jor:AX-YN" value="1"><annotation>source: national_approved</annotation></dataValue>',
    );
    expect(national?.[1]).not.toContain('AX-NUM');
    expect(xml).toMatch(/<group orgUnit="JOR" period="2019-01-01\/P2Y" dataSet="tracss-2019-2020">/);
    // Every value says where it comes from, in the annotation DHIS2 imports as its comment.
    expect(xml).toMatch(
      /dataSet="tracss-2019-2020">\n {2}<dataValue [^>]*><annotation>source: published<\/annotation><\/dataValue>/,
    );
    // The 2020 period is a draft: never in an ADX export.
    expect(xml).not.toContain('2020-01-01/P1Y');
    expect(res.headers['x-adx-skipped']).toMatch(/no_data values \(\d+\)/);
    expect(Number(res.headers['x-adx-skipped-count'])).toBeGreaterThan(0);
  });

  it('every country’s TrACSS answers validate too', async () => {
    const res = await adx('framework=tracss-2019-2020');
    expect(Number(res.headers['x-adx-groups'])).toBeGreaterThan(100);
  });

  it('answers 404 when no approved numeric value matches, 400 naming a bad filter', async () => {
    const none = await app.inject({
      url: '/api/exports/adx?countries=JOR&framework=national-jor&from=2020&to=2020',
    });
    expect(none.statusCode).toBe(404);
    expect(none.json().message).toMatch(/^adx: no approved numeric value/);
    const bad = await app.inject({ url: '/api/exports/adx?from=2021&to=2020' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/from/);
  });
});

describe('ADX mapping', () => {
  const mappingUrl = '/api/exports/adx-mapping';
  const admin = (method: 'GET' | 'PUT', payload?: object) =>
    app.inject(
      withCredential({ session: s.admin }, { method, url: mappingUrl, ...(payload ? { payload } : {}) }),
    );

  it('is our own codes until an administrator stores one; others may not read or change it', async () => {
    const res = await admin('GET');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ version: 0, mapping: { strict: false, orgUnits: {}, levels: null } });
    expect((await app.inject({ url: mappingUrl })).statusCode).toBe(401);
    const focal = await as(app, s.focal, 'PUT', mappingUrl, { mapping: {}, version: 0 });
    expect(focal.statusCode).toBe(403);
  });

  it('refuses a bad mapping naming the field, and a stale version with 409', async () => {
    const bad = await admin('PUT', { mapping: { orgUnits: { JOR: 'has space' } }, version: 0 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/mapping\.orgUnits\.JOR/);
    const badKey = await admin('PUT', { mapping: { dataElements: { 'no-colon': 'X' } }, version: 0 });
    expect(badKey.statusCode).toBe(400);
    expect(badKey.json().message).toMatch(/dataElements/);
    const stale = await admin('PUT', { mapping: {}, version: 7 });
    expect(stale.statusCode).toBe(409);
  });

  it('a strict mapping sends mapped codes only, lists what it left out, and still validates', async () => {
    const mapping = {
      strict: true,
      dataSets: { 'national-jor': 'dsNapJor01' },
      orgUnits: { JOR: 'jUEkeYzXRyA' },
      dataElements: { 'national-jor:AX-PCT': 'dePct00001', 'national-jor:AX-LVL': 'deLvl00001' },
      levels: { attribute: 'AMR_LEVEL', options: { A: 'lvA', B: 'lvB', C: 'lvC', D: 'lvD', E: 'lvE' } },
    };
    const put1 = await admin('PUT', { mapping, version: 0 });
    expect(put1.statusCode, put1.body).toBe(200);
    expect(put1.json().version).toBe(1);
    const res = await adx('countries=JOR');
    expect(res.body).toContain('<group orgUnit="jUEkeYzXRyA" period="2019-01-01/P1Y" dataSet="dsNapJor01">');
    expect(res.body).toContain(
      '<dataValue dataElement="dePct00001" value="35.5"><annotation>source: national_approved</annotation></dataValue>',
    );
    expect(res.body).toContain(
      '<dataValue dataElement="deLvl00001" AMR_LEVEL="lvC" value="1"><annotation>source: national_approved</annotation></dataValue>',
    );
    expect(res.body).not.toContain('national-jor:');
    expect(res.body).not.toContain('tracss-2019-2020');
    expect(res.headers['x-adx-skipped']).toContain('dataElement national-jor:AX-YN not mapped (1)');
    expect(res.headers['x-adx-skipped']).toContain('dataSet tracss-2019-2020');
    const back = await admin('PUT', { mapping: {}, version: 1 });
    expect(back.statusCode).toBe(200);
    expect(back.json().version).toBe(2);
  });
});
