import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import type { Database } from '../../server/db/client';
import { ErrorEnvelopeSchema } from '../../shared/api/common';
import { openTestDatabase } from '../setup/test-db';
import { makeUser, role, type Session, signIn } from './support/auth';
import { jordanTestPlan } from './support/plans';
import { addNationalIndicator, addPeriod, as } from './support/workflow';

/*
 * Every refusal carries a stable code (and each field's problem its own code and parameters) beside
 * the English message, so that an interface can say it in the reader's language next to the field.
 */

let database: Database;
let app: FastifyInstance;
const s = {} as Record<'focal' | 'admin', Session>;

const put = (code: string, payload: object) =>
  as(app, s.focal, 'PUT', `/api/values/JOR/national-jor/${code}/2020`, payload);

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildApp({ database });
  await app.ready();
  await makeUser(database, 'ec-focal@example.org', [role('focal_point', 'JOR')]);
  await makeUser(database, 'ec-admin@example.org', [role('admin', null)]);
  s.focal = await signIn(app, 'ec-focal@example.org');
  s.admin = await signIn(app, 'ec-admin@example.org');
  const planId = await jordanTestPlan(database);
  await addNationalIndicator(app, s.focal, planId, 'EC-PCT', 'percentage');
  await addNationalIndicator(app, s.focal, planId, 'EC-CNT', 'count');
  await addPeriod(app, s.focal, planId, 2020, '2021-03-31');
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

/** The envelope, checked against the shared contract the client parses it with. */
function envelopeOf(res: { json(): unknown }) {
  return ErrorEnvelopeSchema.parse(res.json());
}

describe('error codes in the envelope', () => {
  it('a percentage above 100: invalid_input, the field with too_big and its bounds', async () => {
    const res = await put('EC-PCT', { status: 'reported', value: { type: 'percentage', percentage: 101 } });
    expect(res.statusCode).toBe(400);
    const e = envelopeOf(res);
    expect(e.code).toBe('invalid_input');
    expect(e.message).toBe('body.value.percentage: must be between 0 and 100');
    expect(e.issues).toEqual([
      {
        path: 'body.value.percentage',
        message: 'must be between 0 and 100',
        code: 'too_big',
        params: { max: 100, inclusive: true },
      },
    ]);
  });

  it('a fractional or negative count, a missing reason, a string for a number', async () => {
    const fraction = envelopeOf(
      await put('EC-CNT', { status: 'reported', value: { type: 'count', count: 2.5 } }),
    );
    expect(fraction.issues?.[0]).toMatchObject({ path: 'body.value.count', code: 'not_whole' });
    const negative = envelopeOf(
      await put('EC-CNT', { status: 'reported', value: { type: 'count', count: -3 } }),
    );
    expect(negative.issues?.[0]).toMatchObject({ code: 'too_small', params: { min: 0 } });
    const reason = envelopeOf(await put('EC-CNT', { status: 'no_data' }));
    expect(reason.issues).toEqual([
      {
        path: 'body.reason',
        message: 'is required when status is no_data',
        code: 'required_when',
        params: { field: 'status', value: 'no_data' },
      },
    ]);
    const text = envelopeOf(
      await put('EC-CNT', { status: 'reported', value: { type: 'count', count: 'many' } }),
    );
    expect(text.issues?.[0]).toMatchObject({ path: 'body.value.count', code: 'not_a_number' });
  });

  it("a role in a country that does not exist names the role's country with unknown_country", async () => {
    const res = await as(app, s.admin, 'POST', '/api/users', {
      email: 'ec-new@example.org',
      displayName: 'New user',
      password: 'a long enough password 1',
      roles: [{ role: 'focal_point', country: 'XXX', sectors: [] }],
    });
    expect(res.statusCode, res.body).toBe(400);
    const e = envelopeOf(res);
    expect(e.issues).toEqual([
      {
        path: 'roles.0.country',
        message: 'no country with ISO3 code XXX',
        code: 'unknown_country',
        params: { value: 'XXX' },
      },
    ]);
  });

  it('a common password and a wrong current password name their field with a code', async () => {
    const weak = await as(app, s.focal, 'POST', '/api/auth/password', {
      currentPassword: 'a long test password 42',
      newPassword: 'password1234',
    });
    expect(weak.statusCode, weak.body).toBe(400);
    expect(envelopeOf(weak).issues?.[0]).toMatchObject({ path: 'newPassword', code: 'password_common' });
    const wrong = await as(app, s.focal, 'POST', '/api/auth/password', {
      currentPassword: 'not my password at all',
      newPassword: 'an entirely new passphrase 7',
    });
    expect(wrong.statusCode).toBe(400);
    expect(envelopeOf(wrong).issues?.[0]).toMatchObject({ path: 'currentPassword', code: 'incorrect' });
  });

  it('not found, forbidden and unknown routes answer their codes', async () => {
    const missing = await app.inject({ url: '/api/countries/XXX' });
    expect(missing.statusCode).toBe(404);
    expect(envelopeOf(missing).code).toBe('not_found');
    const route = await app.inject({ url: '/api/nothing-here' });
    expect(envelopeOf(route).code).toBe('not_found');
    const anonymous = await app.inject({
      method: 'PUT',
      url: '/api/values/JOR/national-jor/EC-PCT/2020',
      payload: { status: 'no_data', reason: 'x' },
    });
    expect([401, 403]).toContain(anonymous.statusCode);
    expect(envelopeOf(anonymous).code).toBe(anonymous.statusCode === 401 ? 'unauthenticated' : 'forbidden');
  });

  it('a stale version answers stale with the current value', async () => {
    const first = await put('EC-PCT', { status: 'reported', value: { type: 'percentage', percentage: 40 } });
    expect(first.statusCode, first.body).toBe(201);
    const stale = await put('EC-PCT', {
      status: 'reported',
      value: { type: 'percentage', percentage: 41 },
      version: 99,
    });
    expect(stale.statusCode).toBe(409);
    const e = envelopeOf(stale);
    expect(e.code).toBe('stale');
    expect(e.current).toMatchObject({ numericValue: 40 });
  });
});
