import type { FastifyInstance, InjectOptions } from 'fastify';
import { expect } from 'vitest';
import type { Database } from '../../../server/db/client';
import { createUser } from '../../../server/modules/users/service';
import type { RoleAssignment } from '../../../shared';

export const PASSWORD = 'a long test password 42';

/** Creates an account directly through the users service (as the first-run paths do). */
export async function makeUser(
  database: Database,
  email: string,
  roles: RoleAssignment[],
  password = PASSWORD,
) {
  return createUser(
    { db: database.db, now: () => new Date() },
    null,
    { email, displayName: email.split('@')[0] ?? email, password, roles },
    { system: true },
  );
}

export const role = (
  r: RoleAssignment['role'],
  country: string | null = null,
  sectors: RoleAssignment['sectors'] = [],
) => ({ role: r, country, sectors }) as RoleAssignment;

/** A signed-in browser: the session cookie and the CSRF token, as the client keeps them. */
export interface Session {
  cookie: string;
  csrf: string;
}

export async function signIn(
  app: FastifyInstance,
  email: string,
  password = PASSWORD,
  ip = '10.0.0.1',
): Promise<Session> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    payload: { email, password },
    remoteAddress: ip,
  });
  expect(res.statusCode, res.body).toBe(200);
  const set = res.cookies.find((c) => c.name === 'nap_session');
  if (!set) throw new Error('no session cookie');
  return { cookie: `nap_session=${set.value}`, csrf: res.json().csrfToken };
}

export type Credential = { session: Session } | { token: string } | null;

/** Request options carrying a credential: cookie + CSRF header for sessions, Bearer for tokens. */
export function withCredential(c: Credential, opts: InjectOptions): InjectOptions {
  const headers: Record<string, string> = { ...(opts.headers as Record<string, string>) };
  if (c && 'session' in c) {
    headers.cookie = c.session.cookie;
    if (opts.method && opts.method !== 'GET') headers['x-csrf-token'] = c.session.csrf;
  } else if (c && 'token' in c) {
    headers.authorization = `Bearer ${c.token}`;
  }
  return { ...opts, headers };
}

export async function createToken(
  app: FastifyInstance,
  s: Session,
  scope: 'read' | 'write',
  name = `t-${scope}`,
) {
  const res = await app.inject(
    withCredential({ session: s }, { method: 'POST', url: '/api/tokens', payload: { name, scope } }),
  );
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number; token: string };
}
