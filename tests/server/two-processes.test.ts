import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { withDatabase } from '../setup/server-global';

/** A free port on loopback, chosen by the OS. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

async function waitReady(base: string, child: ChildProcess, log: () => string) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${log()}`);
    try {
      if ((await fetch(`${base}/api/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server not ready in time:\n${log()}`);
}

const children: ChildProcess[] = [];
const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const c of children) c.kill('SIGTERM');
  await Promise.all(
    children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : null)),
  );
  for (const f of cleanups) await f();
});

describe('two server processes on one Postgres', () => {
  // Real OS processes started the way `npm start` starts the server, both on one empty database:
  // they migrate and load once between them, and a session made by one is accepted by the other.
  it.runIf(process.env.DATABASE_URL)('start together and accept each other’s sessions', async () => {
    const url = process.env.DATABASE_URL as string;
    const name = `nap_test_procs_${process.pid}_${Date.now()}`;
    const admin = postgres(url, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    cleanups.push(async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    });

    const email = 'admin@two-processes.example';
    const password = 'a long enough test passphrase';
    const bases: string[] = [];
    const logs: string[] = [];
    for (let i = 0; i < 2; i++) {
      const port = await freePort();
      logs.push('');
      const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
        env: {
          ...process.env,
          DATABASE_URL: withDatabase(url, name),
          PORT: String(port),
          HOST: '127.0.0.1',
          LOG_LEVEL: 'warn',
          ADMIN_EMAIL: email,
          ADMIN_PASSWORD: password,
          CLIENT_DIST_DIR: 'does-not-exist',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout?.on('data', (d) => (logs[i] += d));
      child.stderr?.on('data', (d) => (logs[i] += d));
      children.push(child);
      bases.push(`http://127.0.0.1:${port}`);
    }
    await Promise.all(bases.map((b, i) => waitReady(b, children[i] as ChildProcess, () => logs[i] ?? '')));
    const [a, b] = bases as [string, string];

    const signIn = await fetch(`${a}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: a },
      body: JSON.stringify({ email, password }),
    });
    expect(signIn.status).toBe(200);
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] as string;
    expect(cookie).toMatch(/^nap_session=/);
    const { csrfToken } = (await signIn.json()) as { csrfToken: string };

    const me = await fetch(`${b}/api/auth/me`, { headers: { cookie } });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { email: string }).email).toBe(email);

    // A write on b with the session and CSRF token that a handed out, then sign-out on b ends it on a.
    const created = await fetch(`${b}/api/tokens`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json', origin: b },
      body: JSON.stringify({ name: 'made on b', scope: 'read' }),
    });
    expect(created.status).toBe(201);
    const out = await fetch(`${b}/api/auth/sign-out`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrfToken, origin: b },
    });
    expect(out.status).toBe(204);
    expect((await fetch(`${a}/api/tokens`, { headers: { cookie } })).status).toBe(401);

    // They loaded the reference data once between them: one import run per shipped round (2019–2020, 2025).
    const check = postgres(withDatabase(url, name), { max: 1 });
    const [row] = await check`select (select count(*)::int from import_runs) as runs,
                                     (select count(*)::int from users) as users`;
    await check.end();
    expect(row).toEqual({ runs: 2, users: 1 });
  });
});
