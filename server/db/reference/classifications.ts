import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { eq, isNull, sql } from 'drizzle-orm';
import { parseCsvRecords } from '../../lib/spreadsheet/csv';
import type { DbOrTx } from '../client';
import { countries, countryClassifications } from '../schema';
import { REFERENCE_DATA_DIR } from './paths';

export const CLASSIFICATION_HISTORY = path.join(REFERENCE_DATA_DIR, 'countries/classification_history.csv');

type Row = typeof countryClassifications.$inferInsert;

const keyOf = (r: Pick<Row, 'iso3' | 'attribute' | 'validFrom'>) =>
  `${r.iso3}|${r.attribute}|${r.validFrom ?? ''}`;
const same = (a: Row, b: Row) =>
  (a.value ?? null) === (b.value ?? null) &&
  (a.validTo ?? null) === (b.validTo ?? null) &&
  a.source === b.source;

export async function readClassificationHistory(file = CLASSIFICATION_HISTORY): Promise<Row[]> {
  return parseCsvRecords(await readFile(file, 'utf8')).map((r) => ({
    iso3: r.iso3 as string,
    attribute: r.attribute as string,
    value: r.value || null,
    validFrom: r.valid_from || null,
    validTo: r.valid_to || null,
    source: r.source as string,
  }));
}

/**
 * Loads the countries' classification over time (countries/classification_history.csv, see its
 * SOURCE.md) and sets today's WHO region and income group on `countries` from the values still in
 * force. Writes only what differs from the database: a start with nothing new costs one read, and
 * the comparison statistics (recomputed when a classification changes) are left alone.
 */
export async function loadClassifications(db: DbOrTx): Promise<{ written: number; today: number }> {
  const wanted = await readClassificationHistory();
  const stored = new Map((await db.select().from(countryClassifications)).map((r) => [keyOf(r), r]));
  const changed = wanted.filter((w) => {
    const s = stored.get(keyOf(w));
    return !s || !same(s, w);
  });
  if (changed.length) {
    await db.execute(sql`
      insert into country_classifications (iso3, attribute, value, valid_from, valid_to, source)
      select x.iso3, x.attribute, x.value, x."validFrom", x."validTo", x.source
      from jsonb_to_recordset(${JSON.stringify(changed)}::jsonb)
        as x(iso3 char(3), attribute varchar, value varchar, "validFrom" date, "validTo" date, source varchar)
      on conflict (iso3, attribute, coalesce(valid_from, '0001-01-01'::date))
      do update set value = excluded.value, valid_to = excluded.valid_to, source = excluded.source`);
  }
  // Today's values: those without an end.
  const current = await db
    .select({
      iso3: countryClassifications.iso3,
      attribute: countryClassifications.attribute,
      value: countryClassifications.value,
    })
    .from(countryClassifications)
    .where(isNull(countryClassifications.validTo));
  const rows = await db
    .select({ iso3: countries.iso3, whoRegion: countries.whoRegion, incomeGroup: countries.incomeGroup })
    .from(countries);
  const byIso3 = new Map(rows.map((r) => [r.iso3, r]));
  let today = 0;
  for (const c of current) {
    const row = byIso3.get(c.iso3);
    const column =
      c.attribute === 'who_region' ? 'whoRegion' : c.attribute === 'income_group' ? 'incomeGroup' : null;
    if (!row || !column || row[column] === c.value) continue;
    await db
      .update(countries)
      .set({ [column]: c.value })
      .where(eq(countries.iso3, c.iso3));
    today += 1;
  }
  return { written: changed.length, today };
}
