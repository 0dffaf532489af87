import { type SQL, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import { type Database, type DbOrTx, toRows } from '../../server/db/client';
import { compareCountry } from '../../server/modules/compare/service';
import { allowPublishedWrite } from '../../server/modules/visibility/published-write-repository';
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
import { figuresOf, scratchComparisons } from './support/compare-scratch';
import { nationalFixture } from './support/national';

/*
 * compare_aggregates (migrations 0008, 0010) must hold exactly what peerStats computes from scratch
 * over the members' published answers, for every built-in group, after the TrACSS import and after
 * every kind of write by an import; national values never enter them; and /api/compare served from
 * it must equal the from-scratch comparison.
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
  framework: string;
  endDate: string;
  indicatorId: number;
  iso3: string;
  level: Level;
  who: string | null;
  income: string | null;
  un: string | null;
}

/**
 * A country's WHO region or income group for a round, as the app must take it: the round's own
 * file, else the classification history in force at the round's end, else today's value.
 */
async function roundClassifier() {
  const round = await database.rows<{
    framework: string;
    iso3: string;
    who: string | null;
    income: string | null;
  }>(
    sql`select framework_code as framework, iso3, who_region as who, income_group as income from round_classifications`,
  );
  const history = await database.rows<{
    iso3: string;
    attribute: string;
    value: string | null;
    from: string | null;
    to: string | null;
  }>(
    sql`select iso3, attribute, value, valid_from::text as "from", valid_to::text as "to" from country_classifications`,
  );
  const byRound = new Map(round.map((r) => [`${r.framework}|${r.iso3}`, r]));
  return (a: Answer, attribute: 'who_region' | 'income_group') => {
    const r = byRound.get(`${a.framework}|${a.iso3}`);
    const fromRound = r ? (attribute === 'who_region' ? r.who : r.income) : null;
    if (fromRound) return fromRound;
    const inForce = history
      .filter(
        (h) =>
          h.iso3 === a.iso3 &&
          h.attribute === attribute &&
          (h.from === null || h.from <= a.endDate) &&
          (h.to === null || h.to > a.endDate),
      )
      .sort((x, y) => (y.from ?? '').localeCompare(x.from ?? ''))[0];
    return inForce?.value ?? (attribute === 'who_region' ? a.who : a.income);
  };
}

/** Every aggregate row against peerStats over the answers, both ways (no missing, no extra rows). */
async function expectAggregatesExact() {
  const answers = await database.rows<Answer>(sql`
    select v.period_id as "periodId", p.framework_code as framework, p.end_date::text as "endDate",
           v.indicator_id as "indicatorId", v.country_iso3 as iso3, v.level,
           c.who_region as who, c.income_group as income, c.un_region as un
    from indicator_values v join countries c on c.iso3 = v.country_iso3
    join periods p on p.id = v.period_id join frameworks f on f.code = p.framework_code
    where v.level is not null and f.kind <> 'national'`);
  const classOf = await roundClassifier();
  const expected = new Map<string, Level[]>();
  for (const a of answers) {
    const groups: [string, string | null][] = [
      ['all', 'all'],
      ['who_region', classOf(a, 'who_region')],
      ['income_group', classOf(a, 'income_group')],
      ['who_region:now', a.who],
      ['income_group:now', a.income],
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

/** /api/compare (aggregates) and the same members listed by hand equal the from-scratch comparison. */
async function expectEndpointEqualsScratch(iso3s: string[]) {
  const scratchOf = new Map<string, Awaited<ReturnType<typeof scratchComparisons>>>();
  for (const [type, key] of GROUPS) {
    for (const basis of type === 'who_region' || type === 'income_group' ? ['round', 'today'] : ['round'])
      for (const iso3 of iso3s) {
        const res = await other.inject({
          url: `/api/compare?framework=${FW}&country=${iso3}&groupType=${type}&group=${encodeURIComponent(key)}&classification=${basis}`,
        });
        expect(res.statusCode, res.body).toBe(200);
        const served = res.json() as CompareResult;
        if (!scratchOf.has(served.period))
          scratchOf.set(served.period, await scratchComparisons(database, FW, served.period));
        const scratch = scratchOf.get(served.period)?.(iso3, served.group.members);
        expect(figuresOf(served), `${iso3} in ${type} ${key} (${basis})`).toEqual(scratch);
        // The same members as a hand-picked list (counted by Postgres from the answers) agree too.
        const list = await compareCountry(database.db, {
          framework: FW,
          country: iso3,
          groupType: 'countries',
          group: served.group.members.join(','),
        });
        expect(figuresOf(list), `${iso3}: the list of ${type} ${key} (${basis})`).toEqual(scratch);
      }
  }
}

/** A write to published data as an import makes it (the database refuses it otherwise). */
const asImport = (query: SQL) =>
  database.db.transaction(async (tx) => {
    await allowPublishedWrite(tx);
    await tx.execute(query);
  });

const compareJor = (a: FastifyInstance, headers: Record<string, string> = {}) =>
  a.inject({ url: `/api/compare?framework=${FW}&country=JOR`, headers });
const level41 = (r: CompareResult) => r.rows.find((x) => x.indicator.code === '4.1');

describe('precomputed comparison statistics (compare_aggregates)', () => {
  it('hold exactly the from-scratch statistics after the TrACSS import', async () => {
    // 2019–2020: 23 A–E questions × 26 groups (all, 6 WHO regions and 4 income groups as the round
    // classifies its respondents and as today's reference does, 5 UN regions); 2025: 44 × 26, but for
    // one UN region where nobody gave 5.6.a a level (its answers there are all N/A or blank).
    expect(await expectAggregatesExact()).toBe(23 * 26 + 44 * 26 - 1);
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

    // A national report on 4.1 (Lebanon's own assessment) changes the version, never the round's statistics.
    await nationalFixture(database, 'LBN');
    const put = await app.inject(
      withCredential(
        { session: admin },
        {
          method: 'PUT',
          url: '/api/values/LBN/national-lbn/N-LEVEL/2020',
          payload: { status: 'reported', value: { type: 'level', level: 'E' } },
        },
      ),
    );
    expect(put.statusCode, put.body).toBe(201);
    const afterNational = await compareJor(app, { 'if-none-match': etag });
    expect(afterNational.statusCode).toBe(200);
    expect(level41(afterNational.json())?.stats.distribution).toEqual({ A: 2, B: 7, C: 4, D: 4, E: 3 });
    // An administrator's re-import moves Lebanon's 4.1 answer to E: both apps see it at once.
    await asImport(sql`update indicator_values set level = 'E' where country_iso3 = 'LBN' and indicator_id =
      (select id from indicators where framework_code = ${FW} and code = '4.1')`);
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

  it('follow inserts, deletes, bulk updates and a country changing region, in any import', async () => {
    await asImport(sql`delete from indicator_values where country_iso3 = 'IRQ'`);
    await asImport(sql`update indicator_values set level = 'A'
      where level is not null and country_iso3 in ('EGY', 'FRA', 'KEN')`);
    await asImport(sql`insert into indicator_values (country_iso3, indicator_id, period_id, level)
      select 'OMN', indicator_id, period_id, 'C' from indicator_values
      where country_iso3 = 'JOR' and level is not null and period_id in
        (select id from periods where framework_code = ${FW})`);
    await database.db.transaction(async (tx) => {
      await allowPublishedWrite(tx);
      await tx.execute(sql`update indicator_values set level = 'B' where country_iso3 = 'OMN'`);
      await tx.execute(sql`update countries set who_region = 'EUR', income_group = 'LIC' where iso3 = 'JOR'`);
    });
    await expectAggregatesExact();
    await expectEndpointEqualsScratch(['JOR', 'OMN', 'IRQ']);
  });

  it('are not recomputed for national values: their writes never call the refresh (0024)', async () => {
    await nationalFixture(database, 'OMN');
    class Done extends Error {}
    const refreshCalls = async (tx: DbOrTx) => {
      const [r] = toRows<{ calls: number }>(
        await tx.execute(sql`select coalesce(sum(calls), 0)::int as calls from pg_stat_xact_user_functions
          where funcname = 'nap_compare_refresh'`),
      );
      return r?.calls ?? -1;
    };
    const counted: number[] = [];
    await expect(
      database.db.transaction(async (tx) => {
        // Function calls of this transaction, counted by Postgres itself.
        await tx.execute(sql`set local track_functions = 'pl'`);
        await tx.execute(sql`insert into indicator_values (country_iso3, indicator_id, period_id, status, level)
          select 'OMN', i.id, p.id, 'reported', 'B' from indicators i
          join periods p on p.framework_code = i.framework_code and p.code = '2021'
          where i.framework_code = 'national-omn' and i.code = 'N-LEVEL'`);
        await tx.execute(sql`update indicator_values set level = 'C' where indicator_id =
          (select id from indicators where framework_code = 'national-omn' and code = 'N-LEVEL')`);
        await tx.execute(sql`delete from indicator_values where indicator_id =
          (select id from indicators where framework_code = 'national-omn' and code = 'N-LEVEL')`);
        counted.push(await refreshCalls(tx));
        // One published answer in the same transaction: the refresh runs, once.
        await allowPublishedWrite(tx);
        await tx.execute(sql`update indicator_values set level = 'E' where country_iso3 = 'JOR' and indicator_id =
          (select id from indicators where framework_code = ${FW} and code = '4.1')`);
        counted.push(await refreshCalls(tx));
        throw new Done();
      }),
    ).rejects.toBeInstanceOf(Done);
    expect(counted).toEqual([0, 1]);
    await expectAggregatesExact();
  });

  it('stay as they were when the writing transaction rolls back', async () => {
    const before = await expectAggregatesExact();
    await expect(
      database.db.transaction(async (tx) => {
        await allowPublishedWrite(tx);
        await tx.execute(sql`update indicator_values set level = 'E' where level is not null`);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await expectAggregatesExact()).toBe(before);
  });
});
