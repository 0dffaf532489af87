import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import type { Database } from '../../server/db/client';
import type { SavedGroup } from '../../shared';
import { openTestDatabase } from '../setup/test-db';
import { makeUser, role, type Session, signIn, withCredential } from './support/auth';

let database: Database;
let app: FastifyInstance;
const s = {} as Record<'admin' | 'facilitator' | 'viewer' | 'other', Session>;

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildApp({ database });
  await app.ready();
  await makeUser(database, 'g-admin@example.org', [role('admin')]);
  await makeUser(database, 'g-fac@example.org', [role('facilitator')]);
  await makeUser(database, 'g-viewer@example.org', [role('viewer', 'JOR')]);
  await makeUser(database, 'g-other@example.org', [role('viewer', 'EGY')]);
  s.admin = await signIn(app, 'g-admin@example.org');
  s.facilitator = await signIn(app, 'g-fac@example.org');
  s.viewer = await signIn(app, 'g-viewer@example.org');
  s.other = await signIn(app, 'g-other@example.org');
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const as = (who: keyof typeof s | null, opts: Parameters<typeof withCredential>[1]) =>
  app.inject(withCredential(who ? { session: s[who] } : null, opts));
const list = async (who: keyof typeof s | null) =>
  ((await as(who, { url: '/api/peer-groups' })).json().items as SavedGroup[]).map((g) => g.name);

describe('saved peer groups', () => {
  it('the first start seeded the shared group "Jordan and its peers", which anonymous may read', async () => {
    const res = await as(null, { url: '/api/peer-groups' });
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([
      expect.objectContaining({
        name: 'Jordan and its peers',
        visibility: 'shared',
        ownerId: null,
        canEdit: false,
        members: ['EGY', 'IRQ', 'JOR', 'LBN', 'PSE', 'SAU', 'SYR'],
      }),
    ]);
  });

  it('a viewer keeps private groups that nobody else sees, and may not share', async () => {
    const shared = await as('viewer', {
      method: 'POST',
      url: '/api/peer-groups',
      payload: { name: 'Levant', visibility: 'shared', members: ['JOR', 'LBN'] },
    });
    expect(shared.statusCode).toBe(403);
    expect(shared.json().message).toMatch(/^visibility:/);
    const res = await as('viewer', {
      method: 'POST',
      url: '/api/peer-groups',
      payload: { name: 'Levant', members: ['jor', 'LBN', 'SYR', 'JOR'] },
    });
    expect(res.statusCode, res.body).toBe(201);
    const g = res.json() as SavedGroup;
    expect(g).toMatchObject({ visibility: 'private', members: ['JOR', 'LBN', 'SYR'], canEdit: true });
    expect(await list('viewer')).toEqual(['Jordan and its peers', 'Levant']);
    expect(await list('other')).toEqual(['Jordan and its peers']);
    expect(await list('admin')).toEqual(['Jordan and its peers']);
    expect((await as('other', { url: `/api/peer-groups/${g.id}` })).statusCode).toBe(404);
    expect((await as('other', { method: 'DELETE', url: `/api/peer-groups/${g.id}` })).statusCode).toBe(404);

    // Compare with it: the owner can, somebody else gets 404 (as if it did not exist).
    const mine = await as('viewer', {
      url: `/api/compare?framework=tracss-2019-2020&country=JOR&groupType=saved&group=${g.id}`,
    });
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json().group).toEqual({
      type: 'saved',
      key: String(g.id),
      label: 'Levant',
      members: ['JOR', 'LBN', 'SYR'],
      classification: null,
    });
    const theirs = await as('other', {
      url: `/api/compare/heatmap?framework=tracss-2019-2020&groupType=saved&group=${g.id}`,
    });
    expect(theirs.statusCode).toBe(404);

    const renamed = await as('viewer', {
      method: 'PATCH',
      url: `/api/peer-groups/${g.id}`,
      payload: { name: 'Levant 3', members: ['JOR', 'LBN', 'SYR', 'IRQ'] },
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ name: 'Levant 3', members: ['IRQ', 'JOR', 'LBN', 'SYR'] });
    expect((await as('viewer', { method: 'DELETE', url: `/api/peer-groups/${g.id}` })).statusCode).toBe(204);
    expect(await list('viewer')).toEqual(['Jordan and its peers']);
  });

  it('facilitators and admins manage shared groups; names are unique; members must exist', async () => {
    const bad = await as('facilitator', {
      method: 'POST',
      url: '/api/peer-groups',
      payload: { name: 'Cluster', visibility: 'shared', members: ['JOR', 'XXX'] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues).toEqual([
      {
        path: 'members',
        message: 'unknown country codes: XXX',
        code: 'unknown_country',
        params: { value: 'XXX' },
      },
    ]);
    const res = await as('facilitator', {
      method: 'POST',
      url: '/api/peer-groups',
      payload: { name: 'Governments Cluster', visibility: 'shared', members: ['JOR', 'KEN', 'THA'] },
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = (res.json() as SavedGroup).id;
    const dup = await as('admin', {
      method: 'POST',
      url: '/api/peer-groups',
      payload: { name: 'governments cluster', visibility: 'shared', members: ['JOR'] },
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().issues).toEqual([
      {
        path: 'name',
        message: 'is already taken',
        code: 'already_exists',
        params: { value: 'governments cluster' },
      },
    ]);
    // A viewer sees it, may not change it.
    expect(await list('viewer')).toContain('Governments Cluster');
    const denied = await as('viewer', {
      method: 'PATCH',
      url: `/api/peer-groups/${id}`,
      payload: { name: 'Mine' },
    });
    expect(denied.statusCode).toBe(403);
    const empty = await as('admin', { method: 'PATCH', url: `/api/peer-groups/${id}`, payload: {} });
    expect(empty.statusCode).toBe(400);
    const heat = await as(null, {
      url: `/api/compare/heatmap?framework=tracss-2019-2020&groupType=saved&group=${id}`,
    });
    expect(heat.statusCode).toBe(200);
    expect(heat.json().countries.map((c: { iso3: string }) => c.iso3)).toEqual(['JOR', 'KEN', 'THA']);
    expect((await as('admin', { method: 'DELETE', url: `/api/peer-groups/${id}` })).statusCode).toBe(204);
  });

  it('edits and deletes name the version they read: owner yes, others refused, admins for shared groups', async () => {
    const created = await as('viewer', {
      method: 'POST',
      url: '/api/peer-groups',
      payload: { name: 'Gulf', members: ['SAU', 'QAT'] },
    });
    expect(created.statusCode, created.body).toBe(201);
    const g = created.json() as SavedGroup;
    expect(g.version).toBe(1);
    const patch = (who: keyof typeof s, id: number, payload: object) =>
      as(who, { method: 'PATCH', url: `/api/peer-groups/${id}`, payload });

    // The owner renames it and edits its countries; the version moves on.
    const renamed = await patch('viewer', g.id, {
      name: 'Gulf states',
      members: ['SAU', 'QAT', 'OMN'],
      version: 1,
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ name: 'Gulf states', members: ['OMN', 'QAT', 'SAU'], version: 2 });
    // A second tab still at version 1 is refused, and nothing changes.
    const stale = await patch('viewer', g.id, { name: 'Old tab', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().message).toMatch(/^version: stale \(you sent 1, the group is at 2\)/);
    const staleDelete = await as('viewer', { method: 'DELETE', url: `/api/peer-groups/${g.id}?version=1` });
    expect(staleDelete.statusCode).toBe(409);
    expect((await as('viewer', { url: `/api/peer-groups/${g.id}` })).json()).toMatchObject({
      name: 'Gulf states',
      version: 2,
    });

    // Another user, an administrator included, does not see someone's private group: 404 on every write.
    for (const who of ['other', 'admin', 'facilitator'] as const) {
      expect((await patch(who, g.id, { name: 'Taken', version: 2 })).statusCode).toBe(404);
      expect(
        (await as(who, { method: 'DELETE', url: `/api/peer-groups/${g.id}?version=2` })).statusCode,
      ).toBe(404);
    }
    expect((await as(null, { method: 'DELETE', url: `/api/peer-groups/${g.id}?version=2` })).statusCode).toBe(
      401,
    );

    // A shared group a facilitator made: another user may not touch it, an administrator may.
    const shared = (
      await as('facilitator', {
        method: 'POST',
        url: '/api/peer-groups',
        payload: { name: 'Maghreb', visibility: 'shared', members: ['DZA', 'MAR', 'TUN'] },
      })
    ).json() as SavedGroup;
    expect(shared.canEdit).toBe(true);
    const seen = (await as('viewer', { url: `/api/peer-groups/${shared.id}` })).json() as SavedGroup;
    expect(seen.canEdit).toBe(false);
    expect((await patch('viewer', shared.id, { name: 'Mine', version: 1 })).statusCode).toBe(403);
    expect(
      (await as('viewer', { method: 'DELETE', url: `/api/peer-groups/${shared.id}?version=1` })).statusCode,
    ).toBe(403);
    const byAdmin = await patch('admin', shared.id, { members: ['DZA', 'LBY', 'MAR', 'TUN'], version: 1 });
    expect(byAdmin.statusCode, byAdmin.body).toBe(200);
    expect(byAdmin.json()).toMatchObject({
      members: ['DZA', 'LBY', 'MAR', 'TUN'],
      version: 2,
      canEdit: true,
    });
    expect(
      (await as('admin', { method: 'DELETE', url: `/api/peer-groups/${shared.id}?version=2` })).statusCode,
    ).toBe(204);
    expect((await as('facilitator', { url: `/api/peer-groups/${shared.id}` })).statusCode).toBe(404);

    // The owner deletes their group with the version read; the members go with it.
    expect(
      (await as('viewer', { method: 'DELETE', url: `/api/peer-groups/${g.id}?version=2` })).statusCode,
    ).toBe(204);
    expect(await list('viewer')).not.toContain('Gulf states');
  });

  it('an edit that empties the group or names no field is refused with the field named', async () => {
    const g = (
      await as('viewer', {
        method: 'POST',
        url: '/api/peer-groups',
        payload: { name: 'Pair', members: ['JOR', 'LBN'] },
      })
    ).json() as SavedGroup;
    const empty = await as('viewer', {
      method: 'PATCH',
      url: `/api/peer-groups/${g.id}`,
      payload: { members: [], version: 1 },
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().message).toMatch(/members/);
    const versionOnly = await as('viewer', {
      method: 'PATCH',
      url: `/api/peer-groups/${g.id}`,
      payload: { version: 1 },
    });
    expect(versionOnly.statusCode).toBe(400);
    expect((await as('viewer', { url: `/api/peer-groups/${g.id}` })).json()).toMatchObject({
      members: ['JOR', 'LBN'],
      version: 1,
    });
  });

  it('groupType=saved needs a group id', async () => {
    const res = await as(null, {
      url: '/api/compare?framework=tracss-2019-2020&country=JOR&groupType=saved&group=abc',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/^group:/);
  });
});
