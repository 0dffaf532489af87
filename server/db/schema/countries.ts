import { sql } from 'drizzle-orm';
import { boolean, char, check, date, pgTable, serial, text, uniqueIndex, varchar } from 'drizzle-orm/pg-core';

export const countries = pgTable('countries', {
  iso3: char('iso3', { length: 3 }).primaryKey(),
  iso2: char('iso2', { length: 2 }),
  m49Code: varchar('m49_code', { length: 3 }),
  name: text('name').notNull(),
  isoName: text('iso_name').notNull(),
  whoMember: boolean('who_member').notNull(),
  whoRegion: varchar('who_region', { length: 4 }),
  unRegion: text('un_region'),
  unSubregion: text('un_subregion'),
  incomeGroup: varchar('income_group', { length: 3 }),
});

/**
 * A country's WHO region, World Bank income group and WHO membership over time, as the reference
 * lists we ship give them (migration 0011): each value with the dates it held for (from inclusive,
 * to exclusive; null: open) and where it comes from. `countries` keeps today's values.
 */
export const countryClassifications = pgTable(
  'country_classifications',
  {
    id: serial('id').primaryKey(),
    iso3: char('iso3', { length: 3 })
      .notNull()
      .references(() => countries.iso3),
    attribute: varchar('attribute', { length: 16 }).notNull(),
    /** Null: not classified (e.g. a territory outside the World Bank's list). */
    value: varchar('value', { length: 8 }),
    validFrom: date('valid_from', { mode: 'string' }),
    validTo: date('valid_to', { mode: 'string' }),
    source: varchar('source', { length: 300 }).notNull(),
  },
  (t) => [
    uniqueIndex('country_classifications_uq').on(
      t.iso3,
      t.attribute,
      sql`coalesce(${t.validFrom}, '0001-01-01'::date)`,
    ),
    check(
      'country_classifications_attribute_ck',
      sql`${t.attribute} in ('who_region','income_group','who_member')`,
    ),
    check(
      'country_classifications_dates_ck',
      sql`${t.validTo} is null or ${t.validFrom} is null or ${t.validTo} > ${t.validFrom}`,
    ),
  ],
);
