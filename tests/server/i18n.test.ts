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
let indicatorId = 0;

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildApp({ database });
  await app.ready();
  await makeUser(database, 'admin@example.org', [role('admin')]);
  await makeUser(database, 'focal@example.org', [role('focal_point', 'JOR')]);
  admin = await signIn(app, 'admin@example.org');
  focal = await signIn(app, 'focal@example.org');
  const [row] = await database.rows<{ id: number }>(
    sql`select id from indicators where framework_code = 'tracss-2019-2020' and code = '4.1'`,
  );
  indicatorId = row?.id ?? 0;
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

const texts = (url: string, headers: Record<string, string> = {}) => app.inject({ url, headers });

describe('the interface language of a user', () => {
  it('is null until picked, then kept and returned by /api/auth/me', async () => {
    const me = () => app.inject(withCredential({ session: focal }, { url: '/api/auth/me' }));
    expect((await me()).json().locale).toBeNull();
    const put = await app.inject(
      withCredential(
        { session: focal },
        { method: 'PUT', url: '/api/auth/me/locale', payload: { locale: 'ar' } },
      ),
    );
    expect(put.statusCode).toBe(204);
    expect((await me()).json().locale).toBe('ar');
    // A new session (sign-in answers Me too) carries it.
    const again = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: 'focal@example.org', password: 'a long test password 42' },
      remoteAddress: '10.0.0.9',
    });
    expect(again.json().locale).toBe('ar');
  });

  it('refuses a language the interface does not have, naming the field', async () => {
    const res = await app.inject(
      withCredential(
        { session: focal },
        { method: 'PUT', url: '/api/auth/me/locale', payload: { locale: 'de' } },
      ),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/locale/);
  });
});

describe('content translations', () => {
  it('falls back to the original, flagged, when there is no translation', async () => {
    const res = await texts(`/api/translations?entityType=indicator&ids=${indicatorId}&lang=fr`);
    expect(res.statusCode).toBe(200);
    const name = res.json().items.find((i: { field: string }) => i.field === 'name');
    expect(name).toMatchObject({ fallback: true, text: expect.stringMatching(/One Health/) });
    // Level wordings are texts too.
    expect(res.json().items.map((i: { field: string }) => i.field)).toEqual(
      expect.arrayContaining(['level_a', 'level_e']),
    );
  });

  it('an administrator sets a translation; it is served in that language, by ?lang= or Accept-Language', async () => {
    const put = await app.inject(
      withCredential(
        { session: admin },
        {
          method: 'PUT',
          url: `/api/translations/indicator/${indicatorId}`,
          payload: { locale: 'fr', fields: { name: '  Collaboration multisectorielle  ' } },
        },
      ),
    );
    expect(put.statusCode, put.body).toBe(200);
    const byQuery = await texts(`/api/translations?entityType=indicator&ids=${indicatorId}&lang=fr`);
    const byHeader = await texts(`/api/translations?entityType=indicator&ids=${indicatorId}`, {
      'accept-language': 'fr-CA,fr;q=0.9,en;q=0.5',
    });
    for (const res of [byQuery, byHeader]) {
      expect(res.json().locale).toBe('fr');
      const name = res.json().items.find((i: { field: string }) => i.field === 'name');
      expect(name).toEqual({
        entityId: indicatorId,
        field: 'name',
        text: 'Collaboration multisectorielle',
        fallback: false,
      });
    }
    // Spanish still falls back.
    const es = await texts(`/api/translations?entityType=indicator&ids=${indicatorId}&lang=es`);
    expect(es.json().items.find((i: { field: string }) => i.field === 'name').fallback).toBe(true);
    // An empty text removes it.
    await app.inject(
      withCredential(
        { session: admin },
        {
          method: 'PUT',
          url: `/api/translations/indicator/${indicatorId}`,
          payload: { locale: 'fr', fields: { name: '' } },
        },
      ),
    );
    const after = await texts(`/api/translations?entityType=indicator&ids=${indicatorId}&lang=fr`);
    expect(after.json().items.find((i: { field: string }) => i.field === 'name').fallback).toBe(true);
  });

  it('rejects unknown fields, unknown entities and bad ids, naming what is wrong', async () => {
    const put = (url: string, payload: object) =>
      app.inject(withCredential({ session: admin }, { method: 'PUT', url, payload }));
    const field = await put(`/api/translations/objective/${indicatorId}`, {
      locale: 'es',
      fields: { name: 'x' },
    });
    expect(field.statusCode).toBe(400);
    expect(field.json().message).toMatch(/^fields: name cannot be translated on objective/);
    const missing = await put('/api/translations/activity/999999', { locale: 'es', fields: { title: 'x' } });
    expect(missing.statusCode).toBe(404);
    const english = await put(`/api/translations/indicator/${indicatorId}`, {
      locale: 'en',
      fields: { name: 'x' },
    });
    expect(english.statusCode).toBe(400);
    const ids = await texts('/api/translations?entityType=indicator&ids=1;drop');
    expect(ids.statusCode).toBe(400);
    expect(ids.json().message).toMatch(/ids/);
  });
});
