import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, withCredential } from './support/auth';
import type { TrustFixture } from './support/trust';
import { openWalk, walkEveryReadPath } from './support/visibility-walk';

/*
 * One visibility rule on every read path (the walk: tests/server/support/visibility-walk.ts), as a
 * signed-in user without a role in the countries; and the country page's national reports. The
 * anonymous caller is its own file, so that the two run side by side.
 */
let app: FastifyInstance;
let fx: TrustFixture;
let outsider: () => Session;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ app, fx, outsider, close } = await openWalk());
}, 120_000);
afterAll(async () => close?.());

describe('no unapproved value or comment on any read path (PUBLIC_READ=true)', () => {
  it('as a signed-in user without a role in the countries', { timeout: 600_000 }, async () => {
    await walkEveryReadPath(outsider);
  });

  it('the country page’s national reports: the approved one only, for the public', async () => {
    const res = await app.inject({ url: '/api/countries/JOR/national-reports?framework=tracss-2019-2020' });
    expect(res.statusCode).toBe(200);
    for (const item of res.json().items) expect(item.source).toBe('national_approved');
    const mine = await app.inject(
      withCredential(
        { session: fx.focal },
        { url: `/api/values?country=JOR&framework=national-jor&limit=1000` },
      ),
    );
    // Jordan's focal point sees its drafts, each said so.
    const sources = new Set(mine.json().items.map((v: { source: string }) => v.source));
    expect([...sources].sort()).toEqual(['national_approved', 'national_draft']);
  });
});
