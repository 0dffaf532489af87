import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import type { Database } from '../../server/db/client';
import { openTestDatabase } from '../setup/test-db';
import { makeUser, role, type Session, signIn, withCredential } from './support/auth';

let database: Database;
let app: FastifyInstance;
let admin: Session;
let focal: Session;
let sectorFocal: Session;

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildApp({ database });
  await app.ready();
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

describe('PUT /api/values/:country/:framework/:indicator/:period', () => {
  it('creates, then changes with the version read, and answers 409 on a stale version', async () => {
    // Lebanon answered the round; 4.1 exists: changing it needs its version.
    const noVersion = await put(admin, 'LBN/tracss-2019-2020/4.1/2019-2020', {
      status: 'reported',
      value: { type: 'level', level: 'D' },
    });
    expect(noVersion.statusCode).toBe(409);
    expect(noVersion.json().message).toMatch(/^version: the value exists \(version 1\)/);
    const first = await put(admin, 'LBN/tracss-2019-2020/4.1/2019-2020', {
      status: 'reported',
      value: { type: 'level', level: 'D' },
      version: 1,
    });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ countryIso3: 'LBN', level: 'D', version: 2, status: 'reported' });
    const stale = await put(admin, 'LBN/tracss-2019-2020/4.1/2019-2020', {
      status: 'reported',
      value: { type: 'level', level: 'E' },
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    const read = await app.inject({
      url: '/api/values?country=LBN&framework=tracss-2019-2020&indicator=4.1',
    });
    expect(read.json().items[0].level).toBe('D'); // the stale write changed nothing
  });

  it('stores each measure type and answers 201 for a new value', async () => {
    // JOR left some yes/no sub-items unanswered: find one without a value.
    const rows = await database.rows<{ code: string }>(sql`
      select i.code from indicators i where i.framework_code = 'tracss-2019-2020' and i.measure_type = 'yes_no'
        and not exists (select 1 from indicator_values v where v.indicator_id = i.id and v.country_iso3 = 'JOR')
      order by i.sort_order limit 1`);
    const code = rows[0]?.code;
    expect(code).toBeDefined();
    const res = await put(focal, `JOR/tracss-2019-2020/${code}/2019-2020`, {
      status: 'reported',
      value: { type: 'yes_no', answer: true },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ numericValue: 1, textValue: 'Yes', version: 1 });
  });

  it('rejects bad input naming the field, writing nothing', async () => {
    const before = await count();
    const cases: [object, RegExp][] = [
      [{ status: 'reported' }, /^body\.value: is required when status is reported/],
      // "No data" and "not applicable" need a reason (issue 4).
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
        { status: 'reported', value: { type: 'number', number: 3 }, version: 1 },
        /^value\.type: indicator 4\.1 is measured as level, not number/,
      ],
    ];
    for (const [payload, message] of cases) {
      const res = await put(focal, 'JOR/tracss-2019-2020/4.1/2019-2020', payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().message).toMatch(message);
    }
    expect(
      (
        await put(focal, 'JOR/tracss-2019-2020/99.9/2019-2020', {
          status: 'no_data',
          reason: 'Not collected',
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (await put(admin, 'XYZ/tracss-2019-2020/4.1/2019-2020', { status: 'no_data', reason: 'Not collected' }))
        .statusCode,
    ).toBe(404);
    expect(
      (await put(admin, 'JOR/tracss-2019-2020/4.1/2031', { status: 'no_data', reason: 'Not collected' }))
        .statusCode,
    ).toBe(404);
    expect(await count()).toBe(before);
  });

  it('a Jordan focal point cannot write Syria; a sector-scoped one only writes their sectors', async () => {
    const syr = await put(focal, 'SYR/tracss-2019-2020/4.1/2019-2020', {
      status: 'no_data',
      reason: 'Not collected',
      version: 1,
    });
    expect(syr.statusCode).toBe(403);
    expect(syr.json().message).toBe('country: you may not enter data for SYR');
    // 8.1 (IPC) is human health only; 4.1 spans human, animal and environment.
    const ipc = await put(sectorFocal, 'JOR/tracss-2019-2020/8.1/2019-2020', {
      status: 'no_data',
      reason: 'Not collected',
      version: 1,
    });
    expect(ipc.statusCode).toBe(403);
    expect(ipc.json().message).toMatch(/^sector: /);
    const versions = await database.rows<{ version: number }>(sql`
      select v.version from indicator_values v join indicators i on i.id = v.indicator_id
      where v.country_iso3 = 'JOR' and i.code = '4.1'`);
    const ok = await put(sectorFocal, 'JOR/tracss-2019-2020/4.1/2019-2020', {
      status: 'no_data',
      reason: 'Not collected',
      version: versions[0]?.version,
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'no_data', statusReason: 'Not collected', level: null });
  });

  it('anonymous writes get 401', async () => {
    const res = await app.inject({
      method: 'PUT',
      url: '/api/values/JOR/tracss-2019-2020/4.1/2019-2020',
      payload: { status: 'no_data', reason: 'Not collected' },
    });
    expect(res.statusCode).toBe(401);
  });
});
