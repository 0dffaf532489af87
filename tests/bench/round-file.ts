/**
 * A whole TrACSS round as the portal exports it, generated deterministically: one row per country
 * (184, named as the countries table names them) and 250 question columns (230 A–E levels, 20 free
 * texts with commas, quotes and line breaks), ~8% of the cells left blank, as CSV (the 2025 round's
 * format, server/db/reference-data/tracss/tracss_2025_country_responses.csv) — wider than the real
 * 2025 file, as a round with sub-questions would be.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '../../server/db/client';
import type { CreateRoundBody } from '../../shared';
import { mulberry32 } from './generator';

export const ROUND_COUNTRIES = 184;
const LEVELS = 230;
const TEXTS = 20;
const header = (i: number) => `Q${i + 1} Bench question ${i + 1}${i < LEVELS ? '' : ' (free text)'}`;

/** The round's definition (as POST /api/rounds takes it): the questions matched by their column header. */
export function roundBody(code: string): CreateRoundBody {
  return {
    code,
    name: `Bench round ${code}`,
    period: { code: '2030', label: 'Bench round', startDate: '2030-01-01', endDate: '2030-12-31' },
    questions: Array.from({ length: LEVELS + TEXTS }, (_, i) => ({
      code: `${Math.floor(i / 10) + 1}.${(i % 10) + 1}`,
      name: `Bench question ${i + 1}`,
      measureType: i < LEVELS ? ('level' as const) : ('text' as const),
      sourceColumn: header(i),
    })),
    mapping: { countryColumn: 'Country', columns: {} },
  };
}

const csvCell = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** The round's file, and how many answers (non-blank question cells) it holds. */
export async function roundFile(database: Database, seed: number): Promise<{ csv: Buffer; answers: number }> {
  const names = await database.rows<{ name: string }>(
    sql`select name from countries where who_member order by iso3 limit ${ROUND_COUNTRIES}`,
  );
  if (names.length < ROUND_COUNTRIES) throw new Error(`only ${names.length} WHO members to answer`);
  const rand = mulberry32(seed);
  const lines = [['Country', ...Array.from({ length: LEVELS + TEXTS }, (_, i) => header(i))].map(csvCell)];
  let answers = 0;
  for (const { name } of names) {
    const cells = [name];
    for (let i = 0; i < LEVELS + TEXTS; i++) {
      const x = rand();
      if (x < 0.08) {
        cells.push('');
        continue;
      }
      answers++;
      cells.push(
        i < LEVELS
          ? ('ABCDE'[Math.floor(rand() * 5)] as string)
          : `Plan "${Math.floor(x * 1000)}", reviewed, on track\nsee annex ${i}`,
      );
    }
    lines.push(cells.map(csvCell));
  }
  return { csv: Buffer.from(`${lines.map((l) => l.join(',')).join('\r\n')}\r\n`), answers };
}
