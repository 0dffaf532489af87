/**
 * Signed-in pages for the client rows: a focal point of Jordan, a plan of Jordan of the bench's own with
 * 150 national number indicators and one yearly reporting period (its entry grid has 150 rows), set
 * up through the API as a focal point would, and sessions signed in through the API (as tests/e2e do).
 */
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { BrowserContext } from 'playwright-core';
import { type Database, openDatabase } from '../../server/db/client';
import { plans } from '../../server/db/schema';
import { createUser } from '../../server/modules/users/service';

const PASSWORD = 'bench password, long enough 42';
export const GRID_ROWS = 150;

export interface Session {
  cookie: string;
  csrf: string;
}

/**
 * An administrator created in the database and signed in through the app's own sign-in (app.inject): the
 * session the in-process benches (value saves, the round upload) send their requests with.
 */
export async function injectedAdmin(
  app: FastifyInstance,
  database: Database,
  email: string,
  displayName: string,
): Promise<Session> {
  await createUser(
    { db: database.db, now: () => new Date() },
    null,
    { email, displayName, password: PASSWORD, roles: [{ role: 'admin', country: null, sectors: [] }] },
    { system: true },
  );
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    payload: { email, password: PASSWORD },
  });
  const set = res.cookies.find((c) => c.name === 'nap_session');
  if (res.statusCode !== 200 || !set) throw new Error(`sign-in: ${res.statusCode} ${res.body}`);
  return { cookie: `nap_session=${set.value}`, csrf: res.json().csrfToken as string };
}

export async function signIn(base: string, email: string): Promise<Session> {
  const res = await fetch(`${base}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`sign-in: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('nap_session='));
  if (!cookie) throw new Error('sign-in: no session cookie');
  return {
    cookie: cookie.split(';')[0] as string,
    csrf: ((await res.json()) as { csrfToken: string }).csrfToken,
  };
}

/** Gives a browser context the session's cookie (the page then reads GET /api/auth/me, as after a sign-in). */
export async function addSessionCookie(context: BrowserContext, base: string, s: Session) {
  const [name, value] = s.cookie.split('=') as [string, string];
  await context.addCookies([{ name, value, url: base, httpOnly: true, sameSite: 'Lax' }]);
}

async function send(base: string, s: Session, method: string, path: string, body: unknown) {
  const res = await fetch(`${base}/api${path}`, {
    method,
    headers: { 'content-type': 'application/json', cookie: s.cookie, 'x-csrf-token': s.csrf },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res.json() as Promise<Record<string, unknown>>;
}

export interface EntryPeriod {
  email: string;
  periodId: number;
  /** The indicator codes of the grid, in plan order. */
  codes: string[];
}

/** A focal point of Jordan and a period of a new plan of Jordan with GRID_ROWS empty number rows. */
export async function prepareEntryPeriod(dbUrl: string, base: string, tag: string): Promise<EntryPeriod> {
  const database = await openDatabase({ databaseUrl: dbUrl });
  const email = `bench-focal-${tag}@example.org`;
  let planId: number;
  try {
    await createUser(
      { db: database.db, now: () => new Date() },
      null,
      {
        email,
        displayName: `Bench focal point ${tag}`,
        password: PASSWORD,
        roles: [{ role: 'focal_point', country: 'JOR', sectors: [] }],
      },
      { system: true },
    );
    const [g] = await database.rows<{ n: number }>(
      sql`select coalesce(max(generation), 0)::int + 1 as n from plans where country_iso3 = 'JOR'`,
    );
    const [plan] = await database.db
      .insert(plans)
      .values({
        countryIso3: 'JOR',
        title: `Bench plan ${tag}`,
        periodStart: 2024,
        periodEnd: 2028,
        status: 'approved',
        generation: g?.n ?? 90,
      })
      .returning({ id: plans.id });
    planId = plan?.id as number;
  } finally {
    await database.close();
  }
  const s = await signIn(base, email);
  const codes = Array.from({ length: GRID_ROWS }, (_, i) => `B${tag}-${String(i + 1).padStart(3, '0')}`);
  for (const code of codes) {
    await send(base, s, 'POST', `/plans/${planId}/indicators`, {
      indicator: { kind: 'national', code, name: `Bench indicator ${code}`, measureType: 'number' },
      direction: 'increase',
    });
  }
  const period = await send(base, s, 'POST', `/plans/${planId}/periods`, {
    kind: 'year',
    year: 2025,
    dueDate: '2099-03-31',
  });
  return { email, periodId: period.id as number, codes };
}

/** The API path of a grid row's value, and the PUT body of a number (the grid's own request). */
export async function gridCells(base: string, s: Session, periodId: number) {
  const res = await fetch(`${base}/api/periods/${periodId}/entry`, { headers: { cookie: s.cookie } });
  if (!res.ok) throw new Error(`grid: ${res.status}`);
  const grid = (await res.json()) as {
    rows: { indicator: { frameworkCode: string; code: string }; frameworkPeriodCode: string | null }[];
  };
  return grid.rows.map((r) => ({
    code: r.indicator.code,
    path: `/values/JOR/${encodeURIComponent(r.indicator.frameworkCode)}/${encodeURIComponent(r.indicator.code)}/${encodeURIComponent(r.frameworkPeriodCode ?? '')}`,
  }));
}

export { send };
