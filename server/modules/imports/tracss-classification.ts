import type { ImportMapping, IncomeGroup, WhoRegion } from '../../../shared';
import { cellAddress, type Sheet } from '../../lib/spreadsheet';
import { cellOf, filledCells, type ImportProblem, normaliseHeader } from './tracss-columns';

/** How one round classified a country: the WHO region and income group its file gives it. */
export interface RoundClass {
  whoRegion: WhoRegion | null;
  incomeGroup: IncomeGroup | null;
}

// The portal's spellings: 2019–2020 writes WHO offices (EMRO) and income names; 2025 region names
// (Eastern Mediterranean) and codes (LMC).
const REGIONS: Record<string, WhoRegion> = {
  afro: 'AFR',
  africa: 'AFR',
  amro: 'AMR',
  paho: 'AMR',
  americas: 'AMR',
  'region of the americas': 'AMR',
  searo: 'SEAR',
  'south-east asia': 'SEAR',
  'south east asia': 'SEAR',
  euro: 'EUR',
  europe: 'EUR',
  emro: 'EMR',
  'eastern mediterranean': 'EMR',
  wpro: 'WPR',
  'western pacific': 'WPR',
};
const INCOMES: Record<string, IncomeGroup> = {
  'low income': 'LIC',
  'lower middle income': 'LMC',
  'lower-middle income': 'LMC',
  'upper middle income': 'UMC',
  'upper-middle income': 'UMC',
  'high income': 'HIC',
};
const CODES = new Set(['AFR', 'AMR', 'SEAR', 'EUR', 'EMR', 'WPR', 'LIC', 'LMC', 'UMC', 'HIC']);

function parse<T extends string>(text: string, names: Record<string, T>): T | null | undefined {
  const t = text.trim();
  if (!t) return null;
  if (CODES.has(t.toUpperCase()) && Object.values(names).includes(t.toUpperCase() as T))
    return t.toUpperCase() as T;
  return names[normaliseHeader(t).replace(/_/g, ' ')];
}

/** The column whose header is the mapping's, else one of the portal's default headers. */
function columnOf(header: { cells: string[] }, wanted: string | undefined, defaults: RegExp): number | null {
  const match = (text: string) =>
    wanted
      ? normaliseHeader(text) === normaliseHeader(wanted)
      : defaults.test(text.replace(/_/g, ' ').trim());
  return filledCells(header.cells).find((c) => match(c.text))?.col ?? null;
}

/** The file's WHO region and income group columns (the mapping's, else the portal's headers). */
export function classificationColumns(header: { cells: string[] }, mapping: ImportMapping) {
  const regionCol = columnOf(header, mapping.regionColumn, /^who region$/i);
  const incomeCol = columnOf(
    header,
    mapping.incomeColumn,
    /^world bank (income )?(classification|category|income category)$/i,
  );
  return { regionCol, incomeCol };
}

/**
 * The round's own classification of the countries in its file, from its WHO region and income
 * group columns (a round's comparisons use it by default). Files without those columns give none;
 * a value that is neither a WHO region nor an income group is a problem of its cell.
 */
export function readRoundClassification(
  sheet: Sheet,
  header: { row: number; cells: string[] },
  rowOfCountry: Map<string, number>,
  mapping: ImportMapping,
  problems: ImportProblem[],
): Map<string, RoundClass> {
  const { regionCol, incomeCol } = classificationColumns(header, mapping);
  const out = new Map<string, RoundClass>();
  if (regionCol === null && incomeCol === null) return out;
  const countryOfRow = new Map([...rowOfCountry].map(([iso3, row]) => [row, iso3]));
  for (const { row, cells } of sheet.rows) {
    const iso3 = countryOfRow.get(row);
    if (!iso3) continue;
    const region = regionCol === null ? null : parse(cellOf(cells, regionCol), REGIONS);
    const income = incomeCol === null ? null : parse(cellOf(cells, incomeCol), INCOMES);
    if (region === undefined && regionCol !== null)
      problems.push({
        cell: cellAddress(row, regionCol),
        message: `"${cellOf(cells, regionCol).slice(0, 40)}" is not a WHO region`,
      });
    if (income === undefined && incomeCol !== null)
      problems.push({
        cell: cellAddress(row, incomeCol),
        message: `"${cellOf(cells, incomeCol).slice(0, 40)}" is not a World Bank income group`,
      });
    out.set(iso3, { whoRegion: region ?? null, incomeGroup: income ?? null });
  }
  return out;
}
