import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import type { Database } from '../../server/db/client';
import { compareCountry } from '../../server/modules/compare/service';
import {
  type CompareResult,
  INCOME_GROUPS,
  type Level,
  peerStats,
  UN_REGIONS,
  WHO_REGIONS,
} from '../../shared';
import { openTestDatabase } from '../setup/test-db';
import { makeUser, role, type Session, signIn, withCredential } from './support/auth';

/*
 * compare_aggregates (migration 0008) must hold exactly what peerStats computes from scratch over
 * the members' answers, for every built-in group, after the TrACSS import and after every kind of
 * write; and /api/compare served from it must equal the from-scratch comparison.
 */
let database: Database;
let app: FastifyInstance;
let other: FastifyInstance;
let admin: Session;
const FW = 'tracss-2019-2020';

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildApp({ database });
  // A second app on the same database: a second process would have its own cache like this one.
  other = await buildApp({ database });
  await Promise.all([app.ready(), other.ready()]);
  await makeUser(database, 'agg-admin@example.org', [role('admin')]);
  admin = await signIn(app, 'agg-admin@example.org');
});
afterAll(async () => {
  await app?.close();
  await other?.close();
  await database?.close();
});

interface Answer {
  periodId: number;
  indicatorId: number;
  level: Level;
  all: string;
  who: string | null;
  income: string | null;
  un: string | null;
}

/** Every aggregate row against peerStats over the answers, both ways (no missing, no extra rows). */
async function expectAggregatesExact() {
  const answers = await database.rows<Answer>(sql`
    select v.period_id as "periodId", v.indicator_id as "indicatorId", v.level, 'all' as "all",
           c.who_region as who, c.income_group as income, c.un_region as un
    from indicator_values v join countries c on c.iso3 = v.country_iso3 where v.level is not null`);
  const expected = new Map<string, Level[]>();
  for (const a of answers) {
    const groups: [string, string | null][] = [
      ['all', 'all'],
      ['who_region', a.who],
      ['income_group', a.income],
      ['un_region', a.un],
    ];
    for (const [type, key] of groups) {
      if (key === null) continue;
      const k = `${a.periodId}|${type}|${key}|${a.indicatorId}`;
      expected.set(k, [...(expected.get(k) ?? []), a.level]);
    }
  }
  const stored = await database.rows<{
    periodId: number;
    groupType: string;
    groupKey: string;
    indicatorId: number;
    n: number;
    a: number;
    b: number;
    c: number;
    d: number;
    e: number;
    median: number | null;
    q1: number | null;
    q3: number | null;
  }>(sql`select period_id as "periodId", group_type as "groupType", group_key as "groupKey",
                indicator_id as "indicatorId", n, a, b, c, d, e, median, q1, q3 from compare_aggregates`);
  const actual = new Map(
    stored.map((r) => [
      `${r.periodId}|${r.groupType}|${r.groupKey}|${r.indicatorId}`,
      {
        n: r.n,
        distribution: { A: r.a, B: r.b, C: r.c, D: r.d, E: r.e },
        median: r.median,
        q1: r.q1,
        q3: r.q3,
      },
    ]),
  );
  expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
  for (const [k, levels] of expected) expect(actual.get(k), k).toEqual(peerStats(levels));
  return expected.size;
}

/** Every built-in group: all, each WHO region, income group and UN region. */
const GROUPS: [string, string][] = [
  ['all', 'all'],
  ...WHO_REGIONS.map((k): [string, string] => ['who_region', k]),
  ...INCOME_GROUPS.map((k): [string, string] => ['income_group', k]),
  ...UN_REGIONS.map((k): [string, string] => ['un_region', k]),
];

/** /api/compare (aggregates) equals the from-scratch comparison over the same members listed by hand. */
async function expectEndpointEqualsScratch(iso3s: string[]) {
  for (const [type, key] of GROUPS) {
    for (const iso3 of iso3s) {
      const res = await other.inject({
        url: `/api/compare?framework=${FW}&country=${iso3}&groupType=${type}&group=${encodeURIComponent(key)}`,
      });
      expect(res.statusCode, res.body).toBe(200);
      const served = res.json() as CompareResult;
      const scratch = await compareCountry(database.db, {
        framework: FW,
        country: iso3,
        groupType: 'countries',
        group: served.group.members.join(','),
      });
      expect(served.rows, `${iso3} in ${type} ${key}`).toEqual(JSON.parse(JSON.stringify(scratch.rows)));
    }
  }
}

const compareJor = (a: FastifyInstance, headers: Record<string, string> = {}) =>
  a.inject({ url: `/api/compare?framework=${FW}&country=JOR`, headers });
const level41 = (r: CompareResult) => r.rows.find((x) => x.indicator.code === '4.1');

describe('precomputed comparison statistics (compare_aggregates)', () => {
  it('hold exactly the from-scratch statistics after the TrACSS import', async () => {
    // 23 A–E questions × 16 groups (all, 6 WHO regions, 4 income groups, 5 UN regions).
    expect(await expectAggregatesExact()).toBe(23 * 16);
    await expectEndpointEqualsScratch(['JOR', 'LBN', 'BRA']);
  });

  it('follow a value saved through the API, and both apps see it at once (version, ETag)', async () => {
    const before = await compareJor(app);
    const etag = before.headers.etag as string;
    expect(etag).toMatch(/^"v\d+-/);
    expect((await compareJor(app, { 'if-none-match': etag })).statusCode).toBe(304);
    const missing = await app.inject({ url: `/api/compare?framework=${FW}&country=XXX` });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers.etag).toBeUndefined();
    expect(level41(before.json())?.stats.distribution).toEqual({ A: 2, B: 7, C: 4, D: 4, E: 3 });

    const put = await app.inject(
      withCredential(
        { session: admin },
        {
          method: 'PUT',
          url: `/api/values/LBN/${FW}/4.1/2019-2020`,
          payload: { status: 'reported', value: { type: 'level', level: 'E' }, version: 1 },
        },
      ),
    );
    expect(put.statusCode, put.body).toBe(200);
    for (const a of [app, other]) {
      const after = await compareJor(a, { 'if-none-match': etag });
      expect(after.statusCode).toBe(200);
      expect(after.headers.etag).not.toBe(etag);
      const stats = level41(after.json())?.stats;
      // Lebanon's 4.1 answer moved from its old level to E: one more E, n unchanged.
      expect(stats?.n).toBe(20);
      expect(stats?.distribution.E).toBe(4);
    }
    await expectAggregatesExact();
    await expectEndpointEqualsScratch(['JOR', 'LBN']);
  });

  it('follow inserts, deletes, bulk updates and a country changing region, in any writer', async () => {
    await database.db.execute(sql`delete from indicator_values where country_iso3 = 'IRQ'`);
    await database.db.execute(sql`update indicator_values set level = 'A'
      where level is not null and country_iso3 in ('EGY', 'FRA', 'KEN')`);
    await database.db.execute(sql`insert into indicator_values (country_iso3, indicator_id, period_id, level)
      select 'OMN', indicator_id, period_id, 'C' from indicator_values
      where country_iso3 = 'JOR' and level is not null`);
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`update indicator_values set level = 'B' where country_iso3 = 'OMN'`);
      await tx.execute(sql`update countries set who_region = 'EUR', income_group = 'LIC' where iso3 = 'JOR'`);
    });
    await expectAggregatesExact();
    await expectEndpointEqualsScratch(['JOR', 'OMN', 'IRQ']);
  });

  it('stay as they were when the writing transaction rolls back', async () => {
    const before = await expectAggregatesExact();
    await expect(
      database.db.transaction(async (tx) => {
        await tx.execute(sql`update indicator_values set level = 'E' where level is not null`);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await expectAggregatesExact()).toBe(before);
  });
});
