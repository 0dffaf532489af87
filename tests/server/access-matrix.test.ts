import { sql } from 'drizzle-orm';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import type { Database } from '../../server/db/client';
import { openTestDatabase } from '../setup/test-db';
import { type Credential, createToken, makeUser, role, signIn, withCredential } from './support/auth';

/**
 * The role × endpoint matrix: every endpoint, every kind of caller, the status each must get, with
 * anonymous reads allowed (PUBLIC_READ=true, the default) and refused (false).
 */
const CALLERS = [
  'anonymous',
  'admin',
  'facilitator',
  'validatorJOR',
  'focalJOR',
  'viewerJOR',
  'adminReadToken',
  'focalWriteToken',
] as const;
type Caller = (typeof CALLERS)[number];
type Expect = Record<Caller, number>;

let database: Database;
let apps: { open: FastifyInstance; closed: FastifyInstance };
const creds = {} as Record<Caller, Credential>;
let targetUserId = 0;
let counter = 0;

const all = (status: number): Expect => Object.fromEntries(CALLERS.map((c) => [c, status])) as Expect;
const sessionsOnly = (ok: number): Expect => ({
  ...all(ok),
  anonymous: 401,
  adminReadToken: 403,
  focalWriteToken: 403,
});
const adminOnly = (ok: number, readTokenOk: boolean): Expect => ({
  ...all(403),
  anonymous: 401,
  admin: ok,
  adminReadToken: readTokenOk ? ok : 403,
});
/** Entering Jordan's data: admins and Jordan's focal point (session or write token). */
const writeJor: Expect = { ...all(403), anonymous: 401, admin: 200, focalJOR: 200, focalWriteToken: 200 };
const writeSyr: Expect = { ...all(403), anonymous: 401, admin: 200 };
const signedIn = (ok: number): Expect => ({ ...all(ok), anonymous: 401 });
const everyCountry: Expect = {
  ...all(403),
  anonymous: 401,
  admin: 200,
  facilitator: 200,
  adminReadToken: 200,
};
const jordanReaders: Expect = signedIn(200);
const syriaReaders: Expect = everyCountry;

/** The version of country's value of 4.1, so that allowed writes are fresh (not a 409). */
async function currentVersion(country: string): Promise<number | undefined> {
  const rows = await database.rows<{ version: number }>(sql`
    select v.version from indicator_values v join indicators i on i.id = v.indicator_id
    where v.country_iso3 = ${country} and i.framework_code = 'tracss-2019-2020' and i.code = '4.1'`);
  return rows[0]?.version;
}

type Endpoint = {
  name: string;
  /** The OpenAPI operation it exercises. */
  op: string;
  request: () => Promise<InjectOptions> | InjectOptions;
  open: Expect;
  closed: Expect;
  /** Needs a fresh session per caller (the request ends it). */
  fresh?: boolean;
};

const put = (country: string) => async (): Promise<InjectOptions> => ({
  method: 'PUT',
  url: `/api/values/${country}/tracss-2019-2020/4.1/2019-2020`,
  payload: {
    status: 'reported',
    value: { type: 'level', level: 'C' },
    version: await currentVersion(country),
  },
});

const ENDPOINTS: Endpoint[] = [
  {
    name: 'GET /api/health',
    op: 'GET /api/health',
    request: () => ({ url: '/api/health' }),
    open: all(200),
    closed: all(200),
  },
  {
    name: 'GET /api/ready',
    op: 'GET /api/ready',
    request: () => ({ url: '/api/ready' }),
    open: all(200),
    closed: all(200),
  },
  {
    name: 'GET /api/countries',
    op: 'GET /api/countries',
    request: () => ({ url: '/api/countries' }),
    open: all(200),
    closed: signedIn(200),
  },
  {
    name: 'GET /api/countries/SYR',
    op: 'GET /api/countries/{iso3}',
    request: () => ({ url: '/api/countries/SYR' }),
    open: all(200),
    closed: signedIn(200),
  },
  {
    name: 'GET /api/frameworks',
    op: 'GET /api/frameworks',
    request: () => ({ url: '/api/frameworks' }),
    open: all(200),
    closed: signedIn(200),
  },
  {
    name: 'GET /api/frameworks/{code}',
    op: 'GET /api/frameworks/{code}',
    request: () => ({ url: '/api/frameworks/tracss-2019-2020' }),
    open: all(200),
    closed: signedIn(200),
  },
  {
    name: 'GET …/indicators',
    op: 'GET /api/frameworks/{code}/indicators',
    request: () => ({ url: '/api/frameworks/tracss-2019-2020/indicators' }),
    open: all(200),
    closed: signedIn(200),
  },
  {
    name: 'GET …/indicators/{code}',
    op: 'GET /api/frameworks/{code}/indicators/{indicatorCode}',
    request: () => ({ url: '/api/frameworks/tracss-2019-2020/indicators/4.1' }),
    open: all(200),
    closed: signedIn(200),
  },
  {
    name: 'GET /api/values (all)',
    op: 'GET /api/values',
    request: () => ({ url: '/api/values' }),
    open: all(200),
    closed: signedIn(200),
  },
  {
    name: 'GET /api/values?country=JOR',
    op: 'GET /api/values',
    request: () => ({ url: '/api/values?country=JOR' }),
    open: all(200),
    closed: jordanReaders,
  },
  {
    name: 'GET /api/values?country=SYR',
    op: 'GET /api/values',
    request: () => ({ url: '/api/values?country=SYR' }),
    open: all(200),
    closed: syriaReaders,
  },
  {
    name: 'GET /api/compare',
    op: 'GET /api/compare',
    request: () => ({ url: '/api/compare?framework=tracss-2019-2020&country=JOR' }),
    open: all(200),
    closed: everyCountry,
  },
  {
    name: 'GET /api/compare/heatmap',
    op: 'GET /api/compare/heatmap',
    request: () => ({
      url: '/api/compare/heatmap?framework=tracss-2019-2020&groupType=who_region&group=EMR',
    }),
    open: all(200),
    closed: everyCountry,
  },
  {
    name: 'PUT /api/values/JOR/…',
    op: 'PUT /api/values/{country}/{framework}/{indicator}/{period}',
    request: put('JOR'),
    open: writeJor,
    closed: writeJor,
  },
  {
    name: 'PUT /api/values/SYR/…',
    op: 'PUT /api/values/{country}/{framework}/{indicator}/{period}',
    request: put('SYR'),
    open: writeSyr,
    closed: writeSyr,
  },
  {
    name: 'POST /api/auth/sign-in (unknown account)',
    op: 'POST /api/auth/sign-in',
    request: () => ({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: `nobody${++counter}@example.org`, password: 'whatever-it-is' },
      remoteAddress: `10.9.0.${counter}`,
    }),
    open: all(401),
    closed: all(401),
  },
  {
    name: 'GET /api/auth/me',
    op: 'GET /api/auth/me',
    request: () => ({ url: '/api/auth/me' }),
    // Anonymous: 204, nobody signed in (not an error, so that every page may ask).
    open: { ...all(200), anonymous: 204 },
    closed: { ...all(200), anonymous: 204 },
  },
  {
    name: 'POST /api/auth/password (wrong current password)',
    op: 'POST /api/auth/password',
    request: () => ({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: 'not-it', newPassword: 'another long password 7' },
    }),
    open: sessionsOnly(400),
    closed: sessionsOnly(400),
  },
  {
    name: 'POST /api/auth/sign-out',
    op: 'POST /api/auth/sign-out',
    request: () => ({ method: 'POST', url: '/api/auth/sign-out' }),
    open: sessionsOnly(204),
    closed: sessionsOnly(204),
    fresh: true,
  },
  {
    name: 'GET /api/users',
    op: 'GET /api/users',
    request: () => ({ url: '/api/users' }),
    open: adminOnly(200, true),
    closed: adminOnly(200, true),
  },
  {
    name: 'POST /api/users',
    op: 'POST /api/users',
    request: () => ({
      method: 'POST',
      url: '/api/users',
      payload: {
        email: `new${++counter}@example.org`,
        displayName: 'New',
        password: 'a brand new password',
        roles: [],
      },
    }),
    open: adminOnly(201, false),
    closed: adminOnly(201, false),
  },
  {
    name: 'GET /api/users/{id}',
    op: 'GET /api/users/{id}',
    request: () => ({ url: `/api/users/${targetUserId}` }),
    open: adminOnly(200, true),
    closed: adminOnly(200, true),
  },
  {
    name: 'PATCH /api/users/{id}',
    op: 'PATCH /api/users/{id}',
    request: () => ({
      method: 'PATCH',
      url: `/api/users/${targetUserId}`,
      payload: { displayName: `Renamed ${++counter}` },
    }),
    open: adminOnly(200, false),
    closed: adminOnly(200, false),
  },
  {
    name: 'POST /api/users/{id}/password',
    op: 'POST /api/users/{id}/password',
    request: () => ({
      method: 'POST',
      url: `/api/users/${targetUserId}/password`,
      payload: { password: 'a reset password 99' },
    }),
    open: adminOnly(204, false),
    closed: adminOnly(204, false),
  },
  {
    name: 'GET /api/tokens',
    op: 'GET /api/tokens',
    request: () => ({ url: '/api/tokens' }),
    open: sessionsOnly(200),
    closed: sessionsOnly(200),
  },
  {
    name: 'POST /api/tokens',
    op: 'POST /api/tokens',
    request: () => ({
      method: 'POST',
      url: '/api/tokens',
      payload: { name: `m${++counter}`, scope: 'read' },
    }),
    open: sessionsOnly(201),
    closed: sessionsOnly(201),
  },
  {
    name: 'DELETE /api/tokens/{id} (not theirs)',
    op: 'DELETE /api/tokens/{id}',
    request: () => ({ method: 'DELETE', url: '/api/tokens/999999' }),
    open: sessionsOnly(404),
    closed: sessionsOnly(404),
  },
];

const EMAILS: Partial<Record<Caller, string>> = {
  admin: 'm-admin@example.org',
  facilitator: 'm-fac@example.org',
  validatorJOR: 'm-val@example.org',
  focalJOR: 'm-focal@example.org',
  viewerJOR: 'm-viewer@example.org',
};

beforeAll(async () => {
  database = await openTestDatabase();
  const open = await buildApp({ database, publicRead: true });
  const closed = await buildApp({ database, publicRead: false });
  await Promise.all([open.ready(), closed.ready()]);
  apps = { open, closed };
  await makeUser(database, EMAILS.admin as string, [role('admin')]);
  await makeUser(database, EMAILS.facilitator as string, [role('facilitator')]);
  await makeUser(database, EMAILS.validatorJOR as string, [role('validator', 'JOR')]);
  await makeUser(database, EMAILS.focalJOR as string, [role('focal_point', 'JOR')]);
  await makeUser(database, EMAILS.viewerJOR as string, [role('viewer', 'JOR')]);
  targetUserId = (await makeUser(database, 'm-target@example.org', [role('viewer', 'EGY')])).id;
  creds.anonymous = null;
  for (const [caller, email] of Object.entries(EMAILS))
    creds[caller as Caller] = { session: await signIn(open, email) };
  const adminSession = (creds.admin as { session: never }).session;
  const focalSession = (creds.focalJOR as { session: never }).session;
  creds.adminReadToken = { token: (await createToken(open, adminSession, 'read')).token };
  creds.focalWriteToken = { token: (await createToken(open, focalSession, 'write')).token };
});

afterAll(async () => {
  await apps?.open.close();
  await apps?.closed.close();
  await database?.close();
});

describe.each([
  ['PUBLIC_READ=true', 'open'],
  ['PUBLIC_READ=false', 'closed'],
] as const)('role × endpoint matrix, %s', (_label, mode) => {
  it.each(ENDPOINTS.map((e) => [e.name, e] as const))('%s', async (_name, endpoint) => {
    const app = apps[mode];
    const got = {} as Record<Caller, number>;
    for (const caller of CALLERS) {
      let cred = creds[caller];
      if (endpoint.fresh && cred && 'session' in cred)
        cred = { session: await signIn(app, EMAILS[caller] as string) };
      const res = await app.inject(withCredential(cred, await endpoint.request()));
      got[caller] = res.statusCode;
    }
    expect(got).toEqual(endpoint[mode]);
  });
});

describe('the matrix covers every endpoint', () => {
  it('lists every operation of the OpenAPI document', async () => {
    const doc = (await apps.open.inject({ url: '/api/openapi.json' })).json();
    const operations = Object.entries(doc.paths as Record<string, object>).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    const covered = new Set(ENDPOINTS.map((e) => e.op));
    expect(operations.filter((op) => !covered.has(op))).toEqual([]);
  });
});

describe('reads restricted to assigned countries (PUBLIC_READ=false)', () => {
  it('a Jordan viewer listing every value sees only Jordan', async () => {
    const res = await apps.closed.inject(withCredential(creds.viewerJOR, { url: '/api/values?limit=1000' }));
    expect(res.statusCode).toBe(200);
    const countries = new Set(res.json().items.map((v: { countryIso3: string }) => v.countryIso3));
    expect([...countries]).toEqual(['JOR']);
    expect(res.json().total).toBe(77);
  });

  it('anonymous reads get 401 with the envelope naming authentication', async () => {
    const res = await apps.closed.inject({ url: '/api/countries' });
    expect(res.statusCode).toBe(401);
    expect(res.json().message).toMatch(/^authentication:/);
  });
});
