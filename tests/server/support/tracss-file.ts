import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseCsvRecords } from '../../../server/lib/spreadsheet';
import { LEVELS } from '../../../shared';

/**
 * The TrACSS 2019–2020 answers as the portal published them (tests/fixtures/tracss_2019_2020_long.csv,
 * made from the round's .xls, see its SOURCE.md): expected counts are made from it, not by the app.
 */
export const LONG = parseCsvRecords(
  readFileSync(path.resolve(import.meta.dirname, '../../fixtures/tracss_2019_2020_long.csv'), 'utf8'),
);
const INCOME: Record<string, string> = {
  'High Income': 'HIC',
  'Upper Middle Income': 'UMC',
  'Lower Middle Income': 'LMC',
  'Low Income': 'LIC',
};
const REGION: Record<string, string> = {
  AFRO: 'AFR',
  AMRO: 'AMR',
  SEARO: 'SEAR',
  EURO: 'EUR',
  EMRO: 'EMR',
  WPRO: 'WPR',
};

/** The round's own classification of each respondent: its file's income group and WHO region. */
export const fileClass = new Map(
  LONG.map((r) => [
    r.iso3 as string,
    { income: INCOME[r.wb_income_tracss as string], region: REGION[r.who_region_tracss as string] },
  ]),
);

/** The A–E distribution of a question among the respondents the file puts in a group. */
export function distributionFromFile(code: string, inGroup: (iso3: string) => boolean) {
  const d = Object.fromEntries(LEVELS.map((l) => [l, 0]));
  for (const r of LONG)
    if (r.indicator_code === code && r.level && inGroup(r.iso3 as string))
      d[r.level as string] = (d[r.level as string] ?? 0) + 1;
  return d;
}
