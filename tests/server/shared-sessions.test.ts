import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import { DEMO_ACCOUNTS, ensureAccounts } from '../../server/db/accounts';
import { type Database, openDatabase } from '../../server/db/client';
import { listUserRows } from '../../server/modules/users/repository';
import { openTestDatabase } from '../setup/test-db';
import { makeUser, role, signIn, withCredential } from './support/auth';

const toClose: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const close of toClose.reverse()) await close();
});

describe('several server processes on one Postgres', () => {
  // Two apps with two connection pools on the same database: a session made by one is accepted by
  // the other, because sessions live in Postgres and nothing in memory.
  it.runIf(process.env.DATABASE_URL)('accept each other’s sessions and sign-outs', async () => {
    const first: Database = await openTestDatabase();
    toClose.push(() => first.close());
    // A second pool on the same database, as a second process would open.
    const url = (first.db as unknown as { $client: { options: { database: string } } }).$client.options
      .database;
    const base = new URL(process.env.DATABASE_URL as string);
    base.pathname = `/${url}`;
    const second = await openDatabase({ databaseUrl: base.toString(), maxConnections: 2 });
    toClose.push(() => second.close());
    const a = await buildApp({ database: first });
    const b = await buildApp({ database: second });
    toClose.push(
      () => a.close(),
      () => b.close(),
    );

    await makeUser(first, 'two@example.org', [role('focal_point', 'JOR')]);
    const s = await signIn(a, 'two@example.org');
    const me = await b.inject({ url: '/api/auth/me', headers: { cookie: s.cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json().email).toBe('two@example.org');
    // A write through b with the CSRF token a handed out.
    const token = await b.inject(
      withCredential(
        { session: s },
        { method: 'POST', url: '/api/tokens', payload: { name: 'b', scope: 'read' } },
      ),
    );
    expect(token.statusCode).toBe(201);
    const out = await b.inject(withCredential({ session: s }, { method: 'POST', url: '/api/auth/sign-out' }));
    expect(out.statusCode).toBe(204);
    expect((await a.inject({ url: '/api/tokens', headers: { cookie: s.cookie } })).statusCode).toBe(401);
    expect((await a.inject({ url: '/api/auth/me', headers: { cookie: s.cookie } })).statusCode).toBe(204);
  });
});

describe('first run', () => {
  it('the embedded database gets the marked demo accounts, once', async () => {
    const database = await openTestDatabase();
    toClose.push(() => database.close());
    const warnings: string[] = [];
    const log = { info: () => {}, warn: (...args: unknown[]) => void warnings.push(String(args.at(-1))) };
    await ensureAccounts(database.db, { demo: true, log });
    await ensureAccounts(database.db, { demo: true, log });
    const users = await listUserRows(database.db);
    expect(users.map((u) => u.email).sort()).toEqual(DEMO_ACCOUNTS.map((a) => a.email).sort());
    expect(users.every((u) => u.demo)).toBe(true);
    expect(warnings).toEqual([expect.stringMatching(/^DEMO accounts created/)]);
    const app = await buildApp({ database });
    toClose.push(() => app.close());
    const focal = DEMO_ACCOUNTS.find((a) => a.email.startsWith('focal.jordan')) as {
      email: string;
      password: string;
    };
    const res = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: focal });
    expect(res.json()).toMatchObject({ demo: true, roles: [{ role: 'focal_point', country: 'JOR' }] });
    // The demo focal point has one reporting period to work on (Jordan 2020, due 2021-03-31), created once.
    const cookie = `nap_session=${res.cookies.find((c) => c.name === 'nap_session')?.value}`;
    const due = await app.inject({ url: '/api/due', headers: { cookie } });
    expect(due.statusCode).toBe(200);
    expect(due.json().items).toEqual([
      expect.objectContaining({
        countryIso3: 'JOR',
        periodCode: '2020',
        dueDate: '2021-03-31',
        state: 'overdue',
      }),
    ]);
  });

  it('a server database gets no default credentials: only the configured administrator', async () => {
    const database = await openTestDatabase();
    toClose.push(() => database.close());
    const warnings: string[] = [];
    const log = { info: () => {}, warn: (msg: unknown) => void warnings.push(String(msg)) };
    await ensureAccounts(database.db, { demo: false, log });
    expect(await listUserRows(database.db)).toEqual([]);
    expect(warnings[0]).toMatch(/no account yet: create an administrator with `npm run create-admin/);
    await ensureAccounts(database.db, {
      demo: false,
      admin: { email: 'Boss@Ministry.example', password: 'first run admin pass' },
    });
    const users = await listUserRows(database.db);
    expect(users.map((u) => [u.email, u.demo])).toEqual([['Boss@Ministry.example', false]]);
    const app = await buildApp({ database });
    toClose.push(() => app.close());
    const s = await signIn(app, 'boss@ministry.example', 'first run admin pass');
    expect((await app.inject({ url: '/api/users', headers: { cookie: s.cookie } })).statusCode).toBe(200);
  });
});

describe('security headers', () => {
  it('sends a strict Content-Security-Policy and friends', async () => {
    const database = await openTestDatabase();
    toClose.push(() => database.close());
    const app = await buildApp({ database });
    toClose.push(() => app.close());
    const res = await app.inject({ url: '/api/health' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    const big = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ email: 'a@b.org', password: 'x'.repeat(1024 * 1024) }),
    });
    expect(big.statusCode).toBe(413);
  });
});
