import { asc, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/client';
import { tableRowsQuery } from '../../server/db/driver';
import { countries, indicators, periods } from '../../server/db/schema';
import { findCountry } from '../../server/modules/countries/repository';
import { listFrameworks, listIndicators, listPeriods } from '../../server/modules/frameworks/repository';
import { openTestDatabase } from '../setup/test-db';

/*
 * The look-ups every comparison starts with are written as SQL text run as prepared statements
 * (server/db/driver.ts, tableRowsQuery), not built by drizzle on each call. They must read exactly what
 * drizzle's own select reads — every column, typed and mapped the same (dates as text, JSON, arrays,
 * nulls) — on PGlite and on Postgres (the suite runs on both).
 */
let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => database?.close());

describe('rows read from SQL text', () => {
  it("are drizzle's select() rows, column for column, for whole tables", async () => {
    const { db } = database;
    const all = tableRowsQuery(indicators, 'where t.framework_code = $1 order by t.sort_order, t.id');
    const expected = await db
      .select()
      .from(indicators)
      .where(eq(indicators.frameworkCode, 'tracss-2025'))
      .orderBy(asc(indicators.sortOrder), asc(indicators.id));
    expect(expected.length).toBeGreaterThan(100);
    // Some rows carry A–E wording (JSON), some sectors (arrays), some nulls: every kind is compared.
    expect(expected.some((r) => r.levels !== null)).toBe(true);
    expect(expected.some((r) => r.options !== null && r.subItem === null)).toBe(true);
    expect(await all(db, ['tracss-2025'])).toEqual(expected);

    const dated = tableRowsQuery(periods, 'order by t.id');
    const periodRows = await db.select().from(periods).orderBy(asc(periods.id));
    expect(periodRows.length).toBeGreaterThan(1);
    expect(typeof periodRows[0]?.startDate).toBe('string');
    expect(await dated(db, [])).toEqual(periodRows);
  });

  it('give the repositories the answers their drizzle queries gave', async () => {
    const { db } = database;
    const [jor] = await db.select().from(countries).where(eq(countries.iso3, 'JOR'));
    expect(jor).toBeDefined();
    const country = await findCountry(db, 'JOR');
    expect(country).toMatchObject({ iso3: 'JOR', name: jor?.name, whoRegion: jor?.whoRegion });
    expect(await findCountry(db, 'XXX')).toBeNull();

    const levelCount = await db
      .select({ n: count() })
      .from(indicators)
      .where(eq(indicators.frameworkCode, 'tracss-2025'));
    const [framework] = await listFrameworks(db, 'tracss-2025');
    expect(framework?.indicatorCount).toBe(levelCount[0]?.n);
    expect(await listFrameworks(db, 'no-such-framework')).toEqual([]);
    const [fromAll] = (await listFrameworks(db)).filter((f) => f.code === 'tracss-2025');
    expect(framework).toEqual(fromAll);

    const levels = await listIndicators(db, 'tracss-2025', { measureType: 'level' });
    expect(levels.length).toBeGreaterThan(0);
    expect(levels.every((i) => i.measureType === 'level')).toBe(true);
    const first = levels[0];
    expect(await listIndicators(db, 'tracss-2025', { code: first?.code ?? '' })).toEqual([first]);
    expect(
      await listIndicators(db, 'tracss-2025', { measureType: 'number', code: first?.code ?? '' }),
    ).toEqual([]);

    const stored = await db
      .select()
      .from(periods)
      .where(eq(periods.frameworkCode, 'tracss-2025'))
      .orderBy(asc(periods.startDate));
    expect(await listPeriods(db, 'tracss-2025')).toEqual(
      stored.map(({ id, code, label, startDate, endDate }) => ({ id, code, label, startDate, endDate })),
    );
  });
});
