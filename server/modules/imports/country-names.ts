import type { DbOrTx } from '../../db/client';
import { countryNames } from '../countries/repository';

/** Names the TrACSS portal uses that are neither the WHO short name nor the ISO name. */
const ALIASES: Record<string, string> = {
  turkey: 'TUR',
  'czech republic': 'CZE',
  swaziland: 'SWZ',
  'the former yugoslav republic of macedonia': 'MKD',
  'republic of north macedonia': 'MKD',
};

export function normaliseCountryName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’']/g, "'")
    .replace(/\((the)\)/gi, '')
    .replace(/^the\s+/i, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Resolves a country as written in a spreadsheet (name or ISO3 code) to its ISO3 code. */
export async function countryResolver(db: DbOrTx): Promise<(name: string) => string | null> {
  const rows = await countryNames(db);
  const byName = new Map<string, string>();
  const codes = new Set<string>();
  for (const r of rows) {
    codes.add(r.iso3);
    byName.set(normaliseCountryName(r.name), r.iso3);
    byName.set(normaliseCountryName(r.isoName), r.iso3);
  }
  for (const [alias, iso3] of Object.entries(ALIASES)) if (codes.has(iso3)) byName.set(alias, iso3);
  return (name) => {
    const trimmed = name.trim();
    if (/^[A-Z]{3}$/.test(trimmed) && codes.has(trimmed)) return trimmed;
    return byName.get(normaliseCountryName(trimmed)) ?? null;
  };
}
