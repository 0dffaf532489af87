import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import type { Database } from '../../server/db/client';
import { openTestDatabase } from '../setup/test-db';
import { createToken, makeUser, role, type Session, signIn, withCredential } from './support/auth';
import { NATIONAL_CODES as N, nationalFixture } from './support/national';

let database: Database;
let app: FastifyInstance;
let admin: Session;
let focal: Session;
let sectorFocal: Session;

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildApp({ database });
  await app.ready();
  await nationalFixture(database, 'JOR');
  await makeUser(database, 'w-admin@example.org', [role('admin')]);
  await makeUser(database, 'w-focal@example.org', [role('focal_point', 'JOR')]);
  await makeUser(database, 'w-animal@example.org', [
    role('focal_point', 'JOR', ['terrestrial_animal_health']),
  ]);
  admin = await signIn(app, 'w-admin@example.org');
  focal = await signIn(app, 'w-focal@example.org');
  sectorFocal = await signIn(app, 'w-animal@example.org');
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

const put = (s: Session, path: string, payload: object) =>
  app.inject(withCredential({ session: s }, { method: 'PUT', url: `/api/values/${path}`, payload }));
const count = async () =>
  (await database.rows<{ n: number }>(sql`select count(*)::int as n from indicator_values`))[0]?.n;
/** The published TrACSS 2019–2020 answer of a country to a question, as the round's file gives it. */
const published = async (iso3: string, code: string) =>
  (
    await database.rows<{ level: string | null; version: number; updated_by: number | null }>(sql`
      select v.level, v.version, v.updated_by from indicator_values v
      join indicators i on i.id = v.indicator_id join periods p on p.id = v.period_id
      where v.country_iso3 = ${iso3} and i.framework_code = 'tracss-2019-2020' and i.code = ${code}
        and p.framework_code = 'tracss-2019-2020'`)
  )[0];

const unanswered = async (iso3: string) => {
  const [row] = await database.rows<{ code: string }>(sql`
    select i.code from indicators i where i.framework_code = 'tracss-2019-2020'
      and not exists (select 1 from indicator_values v where v.indicator_id = i.id and v.country_iso3 = ${iso3})
    order by i.sort_order limit 1`);
  return row?.code as string;
};
/** The database error under drizzle's "Failed query" wrapper. */
const refusal = async (p: Promise<unknown>) => {
  const e = (await p.then(
    () => null,
    (err: unknown) => err,
  )) as { cause?: { message?: string; code?: string } } | null;
  return { message: e?.cause?.message, code: e?.cause?.code };
};

describe('published data is read-only', () => {
  it('a focal point’s write token, a session, even an administrator cannot change a TrACSS answer', async () => {
    // Seen on the first release: this one request changed Jordan's published 4.1 from B to E.
    const before = await published('JOR', '4.1');
    expect(before).toMatchObject({ level: 'B', version: 1, updated_by: null });
    const token = await createToken(app, focal, 'write');
    const attempts = [
      app.inject({
        method: 'PUT',
        url: '/api/values/JOR/tracss-2019-2020/4.1/2019-2020',
        headers: { authorization: `Bearer ${token.token}` },
        payload: { status: 'reported', value: { type: 'level', level: 'E' }, version: 1 },
      }),
      put(focal, 'JOR/tracss-2019-2020/4.1/2019-2020', {
        status: 'no_data',
        reason: 'Not collected',
        version: 1,
      }),
      put(admin, 'JOR/tracss-2019-2020/4.1/2019-2020', {
        status: 'reported',
        value: { type: 'level', level: 'E' },
        version: 1,
      }),
      // A question Jordan left unanswered: creating an answer is refused as well.
      put(admin, `JOR/tracss-2019-2020/${await unanswered('JOR')}/2019-2020`, {
        status: 'no_data',
        reason: 'x',
      }),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json().message).toMatch(
        /^framework: tracss-2019-2020 \(.*\) is published data and read-only/,
      );
    }
    expect(await published('JOR', '4.1')).toEqual(before);
  });

  it('the database itself refuses a write to published values that does not come from an import', async () => {
    const before = await count();
    const refused = {
      message: expect.stringMatching(/^published data is read-only/),
      code: 'NP001',
    };
    expect(
      await refusal(
        database.rows(sql`
          update indicator_values set level = 'E' where id = (
            select v.id from indicator_values v join indicators i on i.id = v.indicator_id
            where v.country_iso3 = 'JOR' and i.framework_code = 'tracss-2019-2020' and i.code = '4.1')`),
      ),
    ).toEqual(refused);
    expect(
      await refusal(
        database.rows(sql`
          delete from indicator_values where country_iso3 = 'LBN' and indicator_id in (
            select id from indicators where framework_code = 'tracss-2019-2020')`),
      ),
    ).toEqual(refused);
    expect(await count()).toBe(before);
    expect(await published('JOR', '4.1')).toMatchObject({ level: 'B', version: 1 });
  });
});

describe('PUT /api/values/:country/:framework/:indicator/:period (national frameworks)', () => {
  it('creates, then changes with the version read, and answers 409 on a stale version', async () => {
    const path = `JOR/national-jor/${N.level}/2020`;
    const created = await put(focal, path, { status: 'reported', value: { type: 'level', level: 'C' } });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ version: 1, source: 'national_draft' });
    const noVersion = await put(admin, path, { status: 'reported', value: { type: 'level', level: 'D' } });
    expect(noVersion.statusCode).toBe(409);
    expect(noVersion.json().message).toMatch(/^version: the value exists \(version 1\)/);
    const first = await put(admin, path, {
      status: 'reported',
      value: { type: 'level', level: 'D' },
      version: 1,
    });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ countryIso3: 'JOR', level: 'D', version: 2, status: 'reported' });
    const stale = await put(admin, path, {
      status: 'reported',
      value: { type: 'level', level: 'E' },
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    const read = await app.inject(
      withCredential(
        { session: admin },
        { url: `/api/values?country=JOR&framework=national-jor&indicator=${N.level}` },
      ),
    );
    expect(read.json().items[0]).toMatchObject({ level: 'D', source: 'national_draft' }); // the stale write changed nothing
  });

  it('stores each measure type and answers 201 for a new value', async () => {
    const cases: [string, object, object][] = [
      [N.yes_no, { type: 'yes_no', answer: true }, { numericValue: 1, textValue: 'Yes' }],
      [N.number, { type: 'number', number: 12 }, { numericValue: 12 }],
      [N.percentage, { type: 'percentage', percentage: 45.5 }, { numericValue: 45.5 }],
      [N.ratio, { type: 'ratio', numerator: 3, denominator: 4 }, { numericValue: 0.75, numerator: 3 }],
      [N.text, { type: 'text', text: 'Decree signed' }, { textValue: 'Decree signed' }],
    ];
    for (const [code, value, stored] of cases) {
      const res = await put(focal, `JOR/national-jor/${code}/2019`, { status: 'reported', value });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json()).toMatchObject({ ...stored, version: 1 });
    }
  });

  it('rejects bad input naming the field, writing nothing', async () => {
    const before = await count();
    const cases: [object, RegExp][] = [
      [{ status: 'reported' }, /^body\.value: is required when status is reported/],
      [{ status: 'no_data' }, /^body\.reason: is required when status is no_data$/],
      [
        { status: 'not_applicable', reason: '   ' },
        /^body\.reason: is required when status is not_applicable$/,
      ],
      [
        { status: 'no_data', reason: 'Not collected', value: { type: 'level', level: 'B' } },
        /^body\.value: must be absent/,
      ],
      [{ status: 'reported', value: { type: 'level', level: 'F' } }, /^body\.value\.level/],
      [{ status: 'reported', value: { type: 'percentage', percentage: 140 } }, /^body\.value\.percentage/],
      [
        { status: 'reported', value: { type: 'ratio', numerator: 1, denominator: 0 } },
        /^body\.value\.denominator: must not be 0/,
      ],
      [{ status: 'maybe' }, /^body\.status/],
      [
        { status: 'reported', value: { type: 'number', number: 3 } },
        /^value\.type: indicator N-LEVEL is measured as level, not number/,
      ],
    ];
    for (const [payload, message] of cases) {
      const res = await put(focal, `JOR/national-jor/${N.level}/2021`, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().message).toMatch(message);
    }
    const missing = { status: 'no_data', reason: 'Not collected' };
    expect((await put(focal, 'JOR/national-jor/99.9/2021', missing)).statusCode).toBe(404);
    expect((await put(admin, `XYZ/national-jor/${N.level}/2021`, missing)).statusCode).toBe(404);
    expect((await put(admin, `JOR/national-jor/${N.level}/2031`, missing)).statusCode).toBe(404);
    expect(await count()).toBe(before);
  });

  it('a Jordan focal point cannot write Syria; a sector-scoped one only writes their sectors', async () => {
    await nationalFixture(database, 'SYR');
    const syr = await put(focal, `SYR/national-syr/${N.level}/2020`, { status: 'no_data', reason: 'x' });
    expect(syr.statusCode).toBe(403);
    expect(syr.json().message).toBe('country: you may not enter data for SYR');
    // N-HH is human health only; N-LEVEL spans human, animal and environment.
    const hh = await put(sectorFocal, `JOR/national-jor/${N.humanHealth}/2020`, {
      status: 'no_data',
      reason: 'Not collected',
    });
    expect(hh.statusCode).toBe(403);
    expect(hh.json().message).toMatch(/^sector: /);
    const ok = await put(sectorFocal, `JOR/national-jor/${N.level}/2022`, {
      status: 'no_data',
      reason: 'Not collected',
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ status: 'no_data', statusReason: 'Not collected', level: null });
  });

  it('anonymous writes get 401', async () => {
    const res = await app.inject({
      method: 'PUT',
      url: `/api/values/JOR/national-jor/${N.level}/2020`,
      payload: { status: 'no_data', reason: 'Not collected' },
    });
    expect(res.statusCode).toBe(401);
  });
});
