import {
  type Country,
  INCOME_GROUP_NAMES,
  IncomeGroupSchema,
  type PeerGroupType,
  UN_REGIONS,
  UnRegionSchema,
  WHO_REGION_NAMES,
  WhoRegionSchema,
} from '../../../shared';
import type { DbOrTx } from '../../db/client';
import { AppError } from '../../lib/errors';
import type { Principal } from '../auth/permissions';
import { listCountries } from '../countries/repository';
import { visibleGroup } from '../peer-groups/service';

export const MAX_GROUP_COUNTRIES = 300;

export interface PeerGroup {
  type: PeerGroupType;
  key: string;
  label: string;
  /** ISO3 codes of the members. */
  members: string[];
}

/**
 * Resolves a peer group from its type and key. `country`, when given, supplies the default
 * key (its own WHO region or income group); without it the key is required.
 */
export async function resolveGroup(
  db: DbOrTx,
  type: PeerGroupType,
  key: string | undefined,
  country?: Country,
  /** Who asks: a private saved group is only theirs to use. */
  viewer: Principal | null = null,
): Promise<PeerGroup> {
  if (type === 'saved') return resolveSavedGroup(db, key, viewer);
  if (type === 'all') {
    const all = await listCountries(db, {});
    return { type, key: 'all', label: 'All countries', members: all.map((c) => c.iso3) };
  }
  if (type === 'who_region') {
    const raw = key || country?.whoRegion;
    if (!raw) {
      throw new AppError(
        400,
        country
          ? `group: ${country.name} has no WHO region; name one (e.g. group=EMR)`
          : 'group: name a WHO region (AFR, AMR, SEAR, EUR, EMR, WPR), e.g. group=EMR',
      );
    }
    const parsed = WhoRegionSchema.safeParse(raw);
    if (!parsed.success)
      throw new AppError(400, `group: "${raw}" is not a WHO region code (AFR, AMR, SEAR, EUR, EMR, WPR)`);
    const members = await listCountries(db, { whoRegion: parsed.data });
    return {
      type,
      key: parsed.data,
      label: WHO_REGION_NAMES[parsed.data],
      members: members.map((c) => c.iso3),
    };
  }
  if (type === 'income_group') {
    const raw = key || country?.incomeGroup;
    if (!raw) {
      throw new AppError(
        400,
        country
          ? `group: ${country.name} has no income group; name one (e.g. group=LMC)`
          : 'group: name an income group (LIC, LMC, UMC, HIC), e.g. group=LMC',
      );
    }
    const parsed = IncomeGroupSchema.safeParse(raw);
    if (!parsed.success)
      throw new AppError(400, `group: "${raw}" is not an income group code (LIC, LMC, UMC, HIC)`);
    const members = await listCountries(db, { incomeGroup: parsed.data });
    return {
      type,
      key: parsed.data,
      label: INCOME_GROUP_NAMES[parsed.data],
      members: members.map((c) => c.iso3),
    };
  }
  if (type === 'un_region') return resolveUnRegion(db, key, country);
  return resolveCountryList(db, key);
}

async function resolveUnRegion(db: DbOrTx, key: string | undefined, country?: Country): Promise<PeerGroup> {
  const names = UN_REGIONS.join(', ');
  const raw = key || country?.unRegion;
  if (!raw) {
    throw new AppError(
      400,
      country
        ? `group: ${country.name} has no UN region; name one (e.g. group=Asia)`
        : `group: name a UN region (${names}), e.g. group=Asia`,
    );
  }
  // Accept any capitalisation (?group=asia): the names are the keys.
  const match = UN_REGIONS.find((r) => r.toLowerCase() === raw.toLowerCase());
  const parsed = UnRegionSchema.safeParse(match ?? raw);
  if (!parsed.success) throw new AppError(400, `group: "${raw}" is not a UN M49 region (${names})`);
  const members = await listCountries(db, { unRegion: parsed.data });
  return {
    type: 'un_region',
    key: parsed.data,
    label: `${parsed.data} (UN region)`,
    members: members.map((c) => c.iso3),
  };
}

async function resolveCountryList(db: DbOrTx, key: string | undefined): Promise<PeerGroup> {
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
  const label = `${codes.length} selected ${codes.length === 1 ? 'country' : 'countries'}`;
  return { type: 'countries', key: codes.join(','), label, members: codes };
}

async function resolveSavedGroup(
  db: DbOrTx,
  key: string | undefined,
  viewer: Principal | null,
): Promise<PeerGroup> {
  const id = Number(key);
  if (!key || !Number.isInteger(id) || id < 1 || id > 2_147_483_647)
    throw new AppError(400, 'group: give the id of a saved group (GET /api/peer-groups), e.g. group=1');
  const saved = await visibleGroup(db, viewer, id);
  return { type: 'saved', key: String(id), label: saved.name, members: saved.members };
}
