import { sql } from 'drizzle-orm';
import type { Database } from '../../../server/db/client';

export const NATIONAL_CODES = {
  level: 'N-LEVEL',
  yes_no: 'N-YES',
  number: 'N-NUM',
  percentage: 'N-PCT',
  ratio: 'N-RATIO',
  text: 'N-TEXT',
  /** A human-health-only indicator (for sector-scoped focal points). */
  humanHealth: 'N-HH',
} as const;

/**
 * A country's national framework (national-<iso3>) with one indicator of each measure type and yearly
 * periods 2019–2022, inserted directly. Values entered there outside any reporting period are the
 * country's drafts: seen by its roles, facilitators and administrators only.
 */
export async function nationalFixture(database: Database, iso3: string) {
  const framework = `national-${iso3.toLowerCase()}`;
  await database.rows(sql`
    insert into frameworks (code, name, kind) values (${framework}, ${`National indicators (${iso3})`}, 'national')
    on conflict do nothing`);
  const levels = { A: 'None', B: 'Planned', C: 'Started', D: 'In place', E: 'Sustained' };
  const rows: [string, string, string[]][] = [
    [NATIONAL_CODES.level, 'level', ['human_health', 'terrestrial_animal_health', 'environment']],
    [NATIONAL_CODES.yes_no, 'yes_no', []],
    [NATIONAL_CODES.number, 'number', []],
    [NATIONAL_CODES.percentage, 'percentage', []],
    [NATIONAL_CODES.ratio, 'ratio', []],
    [NATIONAL_CODES.text, 'text', []],
    [NATIONAL_CODES.humanHealth, 'percentage', ['human_health']],
  ];
  for (const [i, [code, measure, sectors]] of rows.entries()) {
    await database.rows(sql`
      insert into indicators (framework_code, code, sort_order, name, measure_type, levels, sectors)
      values (${framework}, ${code}, ${100 + i}, ${`Test ${measure}`}, ${measure},
        ${measure === 'level' ? JSON.stringify(levels) : null}::jsonb, ${sql.param(sectors)}::text[])
      on conflict do nothing`);
  }
  for (const year of [2019, 2020, 2021, 2022])
    await database.rows(sql`
      insert into periods (framework_code, code, label, start_date, end_date)
      values (${framework}, ${String(year)}, ${String(year)}, ${`${year}-01-01`}, ${`${year}-12-31`})
      on conflict do nothing`);
  return { framework };
}
