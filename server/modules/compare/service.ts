import {
  type CompareResult,
  type Country,
  INCOME_GROUP_NAMES,
  type IncomeGroup,
  IncomeGroupSchema,
  type Level,
  type PeerGroupType,
  peerStats,
  standing,
  WHO_REGION_NAMES,
  type WhoRegion,
  WhoRegionSchema,
} from '../../../shared';
import type { DbOrTx } from '../../db/client';
import { AppError } from '../../lib/errors';
import { findCountry, listCountries } from '../countries/repository';
import { listIndicators } from '../frameworks/repository';
import { getFramework, resolvePeriod } from '../frameworks/service';
import { levelAnswers } from './repository';

export interface CompareInput {
  framework: string;
  period?: string | undefined;
  country: string;
  groupType: PeerGroupType;
  group?: string | undefined;
}

export const MAX_GROUP_COUNTRIES = 300;

async function resolveGroup(db: DbOrTx, country: Country, type: PeerGroupType, key?: string) {
  if (type === 'all') {
    const all = await listCountries(db, {});
    return { type, key: 'all', label: 'All countries', members: all.map((c) => c.iso3) };
  }
  if (type === 'who_region') {
    const raw = key ?? country.whoRegion;
    if (!raw) throw new AppError(400, `group: ${country.name} has no WHO region; name one (e.g. group=EMR)`);
    const parsed = WhoRegionSchema.safeParse(raw);
    if (!parsed.success)
      throw new AppError(400, `group: "${raw}" is not a WHO region code (AFR, AMR, SEAR, EUR, EMR, WPR)`);
    const region: WhoRegion = parsed.data;
    const members = await listCountries(db, { whoRegion: region });
    return { type, key: region, label: WHO_REGION_NAMES[region], members: members.map((c) => c.iso3) };
  }
  if (type === 'income_group') {
    const raw = key ?? country.incomeGroup;
    if (!raw)
      throw new AppError(400, `group: ${country.name} has no income group; name one (e.g. group=LMC)`);
    const parsed = IncomeGroupSchema.safeParse(raw);
    if (!parsed.success)
      throw new AppError(400, `group: "${raw}" is not an income group code (LIC, LMC, UMC, HIC)`);
    const income: IncomeGroup = parsed.data;
    const members = await listCountries(db, { incomeGroup: income });
    return { type, key: income, label: INCOME_GROUP_NAMES[income], members: members.map((c) => c.iso3) };
  }
  const codes = [
    ...new Set(
      (key ?? '')
        .split(',')
        .map((c) => c.trim().toUpperCase())
        .filter(Boolean),
    ),
  ];
  if (codes.length === 0) throw new AppError(400, 'group: give the ISO3 codes of the group, comma-separated');
  if (codes.length > MAX_GROUP_COUNTRIES) {
    throw new AppError(400, `group: at most ${MAX_GROUP_COUNTRIES} countries, got ${codes.length}`);
  }
  const bad = codes.filter((c) => !/^[A-Z]{3}$/.test(c));
  if (bad.length) throw new AppError(400, `group: not ISO3 codes: ${bad.slice(0, 10).join(', ')}`);
  const known = new Set((await listCountries(db, {})).map((c) => c.iso3));
  const unknown = codes.filter((c) => !known.has(c));
  if (unknown.length)
    throw new AppError(404, `group: unknown country codes: ${unknown.slice(0, 10).join(', ')}`);
  return { type, key: codes.join(','), label: `${codes.length} selected countries`, members: codes };
}

/** One country against a peer group on every A–E indicator of a framework, in one period. */
export async function compareCountry(db: DbOrTx, input: CompareInput): Promise<CompareResult> {
  const country = await findCountry(db, input.country);
  if (!country) throw new AppError(404, `country: no country with ISO3 code ${input.country}`);
  await getFramework(db, input.framework);
  const period = await resolvePeriod(db, input.framework, input.period);
  const group = await resolveGroup(db, country, input.groupType, input.group);
  const indicators = await listIndicators(db, input.framework, { measureType: 'level' });
  const members = new Set(group.members);
  const answers = await levelAnswers(db, input.framework, period.id, [...members, country.iso3]);

  const byIndicator = new Map<number, { group: Level[]; peers: Level[]; own: Level | null }>();
  for (const ind of indicators) byIndicator.set(ind.id, { group: [], peers: [], own: null });
  for (const a of answers) {
    const slot = byIndicator.get(a.indicatorId);
    if (!slot) continue;
    if (a.countryIso3 === country.iso3) slot.own = a.level;
    if (members.has(a.countryIso3)) {
      slot.group.push(a.level);
      if (a.countryIso3 !== country.iso3) slot.peers.push(a.level);
    }
  }
  return {
    framework: input.framework,
    period: period.code,
    country,
    group,
    rows: indicators.map((ind) => {
      const slot = byIndicator.get(ind.id) ?? { group: [], peers: [], own: null };
      return {
        indicator: {
          id: ind.id,
          code: ind.code,
          name: ind.name,
          section: ind.section,
          sectors: ind.sectors,
          levels: ind.levels,
        },
        countryLevel: slot.own,
        stats: peerStats(slot.group),
        ...standing(slot.own, slot.peers),
      };
    }),
  };
}
