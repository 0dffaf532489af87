import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import type { Database } from '../../server/db/client';
import { PRINCIPAL_HEADER, parsePrincipalHeader } from '../../shared/api/headers';
import { openTestDatabase } from '../setup/test-db';
import { createToken, makeUser, role, signIn, withCredential } from './support/auth';

/*
 * The browser keeps some answers for working offline, by person (client/lib/offline/answers.ts):
 * whose answer it is comes from the server, on every response to a signed-in session.
 */

let database: Database;
let app: FastifyInstance;
const ids: Record<string, number> = {};

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildApp({ database });
  await app.ready();
  ids.focal = (await makeUser(database, 'ph-focal@example.org', [role('focal_point', 'JOR')])).id;
  ids.facilitator = (await makeUser(database, 'ph-fac@example.org', [role('facilitator')])).id;
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

describe('x-principal: whose answer this is', () => {
  it('names the signed-in user, and says when their role reads every country', async () => {
    const focal = await signIn(app, 'ph-focal@example.org');
    const fac = await signIn(app, 'ph-fac@example.org');
    for (const url of ['/api/due', '/api/countries/JOR', '/api/auth/me']) {
      const f = await app.inject(withCredential({ session: focal }, { method: 'GET', url }));
      expect(f.statusCode, f.body).toBe(200);
      expect(parsePrincipalHeader(f.headers[PRINCIPAL_HEADER] as string)).toEqual({
        userId: ids.focal,
        allCountries: false,
      });
      const a = await app.inject(withCredential({ session: fac }, { method: 'GET', url }));
      expect(a.headers[PRINCIPAL_HEADER]).toBe(`${ids.facilitator} all-countries`);
    }
    // The session's end, from which what the browser keeps expires.
    const me = await app.inject(withCredential({ session: focal }, { method: 'GET', url: '/api/auth/me' }));
    const ends = new Date(me.json().sessionExpiresAt).getTime();
    expect(ends).toBeGreaterThan(Date.now());
    expect(ends).toBeLessThanOrEqual(Date.now() + 12 * 3_600_000);
  });

  it('is absent for a visitor and for an API token (not a browser that keeps answers)', async () => {
    const anonymous = await app.inject({ method: 'GET', url: '/api/countries/JOR' });
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.headers[PRINCIPAL_HEADER]).toBeUndefined();
    const focal = await signIn(app, 'ph-focal@example.org');
    const { token } = await createToken(app, focal, 'read', 'ph-script');
    const viaToken = await app.inject(withCredential({ token }, { method: 'GET', url: '/api/due' }));
    expect(viaToken.statusCode, viaToken.body).toBe(200);
    expect(viaToken.headers[PRINCIPAL_HEADER]).toBeUndefined();
  });

  it('reads back only what it wrote', () => {
    expect(parsePrincipalHeader('17')).toEqual({ userId: 17, allCountries: false });
    expect(parsePrincipalHeader('17 all-countries')).toEqual({ userId: 17, allCountries: true });
    for (const bad of [null, '', 'x', '17 admin', '-1', '1'.repeat(13)])
      expect(parsePrincipalHeader(bad)).toBeNull();
  });
});
