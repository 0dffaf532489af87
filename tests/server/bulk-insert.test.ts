import { and, asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, DbOrTx } from '../../server/db/client';
import { indicatorValues } from '../../server/db/schema';
import { insertValues, type NewValue } from '../../server/modules/values/bulk-insert-repository';
import { UnsendableTextError } from '../../server/modules/values/copy-text';
import { allowPublishedWrite } from '../../server/modules/visibility/published-write-repository';
import { openTestDatabase } from '../setup/test-db';
import { nationalFixture } from './support/national';

/*
 * insertValues (the importers' write path) sends the rows with COPY in text format: every text must
 * come back as it went in, whatever it holds, and the whole set must land or fail as one statement of
 * the caller's transaction, with the statement triggers (analytics version, comparison statistics,
 * published-data guard) run once for it.
 */
let database: Database;
const FW = 'tracss-2019-2020';
let periodId: number;
let indicatorIds: number[];

beforeAll(async () => {
  database = await openTestDatabase();
  const rows = await database.rows<{ indicator_id: number; period_id: number }>(sql`
    select i.id as indicator_id, p.id as period_id from indicators i
    join periods p on p.framework_code = i.framework_code
    where i.framework_code = ${FW} order by p.start_date desc, i.sort_order, i.id`);
  periodId = rows[0]?.period_id as number;
  indicatorIds = rows.filter((r) => r.period_id === periodId).map((r) => r.indicator_id);
});
afterAll(async () => {
  await database?.close();
});

/** Text COPY's text format gives a meaning to, or that looks like its escapes. */
const HOSTILE = [
  'tab\there',
  'line\nbreak',
  'crlf\r\nend',
  'back\\slash',
  '\\N',
  '\\.',
  'ends with a backslash\\',
  '\\\\N',
  '\\t is not a tab',
  '\\x41 \\101',
  '',
  ' ',
  'quotes "double" \'single\'',
  '{braces},comma',
  'NULL',
  'العربية مع \t تبويب',
  '🦠 emoji and a\u2028separator',
  '\\.\n\\.',
];
const CHOICES: string[][] = [
  ['a,b', 'c"d', 'e\\f', '{g}', 'NULL', ' h ', 'tab\tx', 'nl\ny', ''],
  [],
  ['only'],
  ['x', 'null'],
];

async function replaceOman(tx: DbOrTx, values: NewValue[]) {
  await tx
    .delete(indicatorValues)
    .where(and(eq(indicatorValues.countryIso3, 'OMN'), eq(indicatorValues.periodId, periodId)));
  await insertValues(tx, values);
}

async function omanValues() {
  return database.db
    .select()
    .from(indicatorValues)
    .where(and(eq(indicatorValues.countryIso3, 'OMN'), eq(indicatorValues.periodId, periodId)))
    .orderBy(asc(indicatorValues.indicatorId));
}

const version = async (tx?: DbOrTx) =>
  (await database.rows<{ v: string }>(sql`select version::text as v from analytics_version`, tx))[0]?.v;

describe('insertValues (COPY)', () => {
  it('stores every text, list of choices and number as given', async () => {
    const at = new Date('2025-03-04T05:06:07.089Z');
    const numbers = [1e-300, 1.7976931348623157e308, 0.1 + 0.2, -123456789.12345679, 42];
    const values: NewValue[] = HOSTILE.map((text, i) => ({
      countryIso3: 'OMN',
      indicatorId: indicatorIds[i] as number,
      periodId,
      status: i % 3 === 0 ? 'no_data' : 'reported',
      level: i % 2 ? 'C' : null,
      numericValue: numbers[i % numbers.length] ?? null,
      numerator: i === 1 ? Number.NaN : null,
      denominator: i === 2 ? Number.POSITIVE_INFINITY : null,
      textValue: text,
      choices: CHOICES[i % CHOICES.length] as string[],
      statusReason: HOSTILE[HOSTILE.length - 1 - i] as string,
      version: 1 + (i % 4),
      updatedAt: i % 2 ? at : undefined,
    }));
    await database.db.transaction(async (tx) => {
      await allowPublishedWrite(tx);
      await replaceOman(tx, values);
    });
    const now = await omanValues();
    expect(now).toHaveLength(values.length);
    for (const [i, v] of values.entries()) {
      const got = now[i];
      expect(got).toMatchObject({
        countryIso3: 'OMN',
        indicatorId: v.indicatorId,
        status: v.status,
        level: v.level,
        numericValue: v.numericValue,
        textValue: v.textValue,
        choices: v.choices,
        statusReason: v.statusReason,
        version: v.version,
        updatedBy: null,
      });
      // Numbers JSON cannot hold are stored as no number, as the importers always did.
      expect([got?.numerator, got?.denominator]).toEqual([null, null]);
      if (v.updatedAt) expect(got?.updatedAt.toISOString()).toBe(at.toISOString());
    }
  });

  it('writes in one statement: the version moves once and the statistics equal a full recompute', async () => {
    const values: NewValue[] = indicatorIds.map((indicatorId, i) => ({
      countryIso3: 'OMN',
      indicatorId,
      periodId,
      level: 'ABCDE'[i % 5] ?? null,
    }));
    await database.db.transaction(async (tx) => {
      await allowPublishedWrite(tx);
      await tx
        .delete(indicatorValues)
        .where(and(eq(indicatorValues.countryIso3, 'OMN'), eq(indicatorValues.periodId, periodId)));
      const before = Number(await version(tx));
      await insertValues(tx, values);
      expect(Number(await version(tx))).toBe(before + 1);
    });
    const snapshot = sql`select * from compare_aggregates order by period_id, group_type, group_key, indicator_id`;
    const kept = await database.rows(snapshot);
    await database.rows(sql`select nap_compare_refresh(array_agg(indicator_id), array_agg(period_id))
      from (select distinct indicator_id, period_id from indicator_values where level is not null) s`);
    expect(await database.rows(snapshot)).toEqual(kept);
    expect((await omanValues()).map((v) => v.level)).toEqual(values.map((v) => v.level));
  });

  it('writes nothing when one row is refused, and fails the caller’s transaction with the database’s error', async () => {
    const kept = await omanValues();
    const duplicate: NewValue[] = [
      ...indicatorIds.map((indicatorId) => ({ countryIso3: 'OMN', indicatorId, periodId, level: 'E' })),
      { countryIso3: 'OMN', indicatorId: indicatorIds[0] as number, periodId, level: 'A' },
    ];
    await expect(
      database.db.transaction(async (tx) => {
        await allowPublishedWrite(tx);
        await replaceOman(tx, duplicate);
      }),
    ).rejects.toMatchObject({ code: '23505' });
    // Published data outside an import: refused by the statement trigger, after every row was sent.
    const [absent] = await database.rows<{ iso3: string }>(sql`select iso3 from countries c
      where not exists (select 1 from indicator_values v where v.country_iso3 = c.iso3 and v.period_id = ${periodId})
      order by iso3 limit 1`);
    const slot = { countryIso3: absent?.iso3 as string, periodId };
    await expect(
      database.db.transaction((tx) =>
        insertValues(
          tx,
          indicatorIds.map((indicatorId) => ({ ...slot, indicatorId, level: 'C' })),
        ),
      ),
    ).rejects.toMatchObject({ code: 'NP001' });
    await expect(
      database.db.transaction(async (tx) => {
        await allowPublishedWrite(tx);
        await replaceOman(tx, [
          { countryIso3: 'OMN', indicatorId: indicatorIds[0] as number, periodId, textValue: 'a\u0000b' },
        ]);
      }),
    ).rejects.toBeInstanceOf(UnsendableTextError);
    expect(await omanValues()).toEqual(kept);
    // The connection is usable afterwards.
    expect(await version()).toBeDefined();
  });

  it('given the database rather than a transaction, writes all or nothing on its own', async () => {
    const { framework } = await nationalFixture(database, 'OMN');
    const ids = await database.rows<{ indicator_id: number; period_id: number }>(sql`
      select i.id as indicator_id, p.id as period_id from indicators i
      join periods p on p.framework_code = i.framework_code where i.framework_code = ${framework}`);
    const rows = ids.map((r) => ({
      countryIso3: 'OMN',
      indicatorId: r.indicator_id,
      periodId: r.period_id,
      numericValue: r.indicator_id,
    }));
    const stored = sql`select count(*)::int as n from indicator_values v join periods p on p.id = v.period_id
      where p.framework_code = ${framework}`;
    await expect(insertValues(database.db, [...rows, rows[0] as NewValue])).rejects.toMatchObject({
      code: '23505',
    });
    expect(await database.rows(stored)).toEqual([{ n: 0 }]);
    await insertValues(database.db, rows);
    expect(await database.rows(stored)).toEqual([{ n: rows.length }]);
  });
});
