import {
  type ClassificationBasis,
  type Country,
  INCOME_GROUP_NAMES,
  INCOME_GROUPS,
  type IncomeGroup,
  IncomeGroupSchema,
  type PeerGroupType,
  UN_REGIONS,
  WHO_REGION_NAMES,
  WHO_REGIONS,
  type WhoRegion,
  WhoRegionSchema,
} from '../../../shared';
import type { DbOrTx } from '../../db/client';
import { AppError } from '../../lib/errors';
import type { Principal } from '../auth/permissions';
import { allIso3, type CountryFilter, knownIso3, listCountries } from '../countries/repository';
import { visibleGroup } from '../peer-groups/service';
import type { AggregatedGroupType } from './aggregate-repository';
import { roundClassOf, roundMembers } from './round-class-repository';

export const MAX_GROUP_COUNTRIES = 300;

export interface PeerGroup {
  type: PeerGroupType;
  key: string;
  label: string;
  /** ISO3 codes of the members. */
  members: string[];
  /** For WHO region and income group groups: which classification made them. */
  classification: { basis: ClassificationBasis; note: string } | null;
}

/** The round a comparison is of: its members are classified as in force for it (basis round). */
export interface RoundContext {
  frameworkCode: string;
  frameworkName: string;
  endDate: string;
}

export interface GroupOptions {
  /** round (default when a round is given): as the round classifies; today: today's reference. */
  basis?: ClassificationBasis;
  round?: RoundContext;
  /**
   * The country's own WHO region or income group as the round classifies it, when the caller has read
   * it already (null: it has none); looked up when undefined.
   */
  ownClass?: string | null;
}

/** The classification a group of this round is made with, and the note that says so. */
export function classificationOf(opts: GroupOptions): { basis: ClassificationBasis; note: string } {
  const round = opts.basis !== 'today' ? opts.round : undefined;
  if (!round)
    return {
      basis: 'today',
      note: "Today's classification: each country's WHO region and World Bank income group now in force",
    };
  return {
    basis: 'round',
    note:
      `As in force for ${round.frameworkName}: the round's own file for the countries that answered it; ` +
      `the reference lists as of ${round.endDate} for the others`,
  };
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
  /** For WHO regions and income groups: the round compared, and which classification. */
  opts: GroupOptions = {},
): Promise<PeerGroup> {
  if (type === 'saved') return resolveSavedGroup(db, key, viewer);
  if (type === 'all') {
    return {
      type,
      key: 'all',
      label: 'All countries',
      members: await allIso3(db),
      classification: null,
    };
  }
  if (type === 'countries') return resolveCountryList(db, key);
  return resolveAttributeGroup(db, ATTRIBUTE_GROUPS[type], key, country, opts);
}

/** A group defined by one attribute of the country: its WHO region, income group or UN region. */
interface AttributeGroup {
  type: 'who_region' | 'income_group' | 'un_region';
  /** For messages: "WHO region", with its article and what a valid key is called. */
  noun: string;
  article: 'a' | 'an';
  validNoun: string;
  codes: readonly string[];
  example: string;
  /** The key for a raw value, or null when it is not one. */
  parse(raw: string): string | null;
  ownKey(c: Country): string | null;
  filter(key: string): CountryFilter;
  label(key: string): string;
}

const ATTRIBUTE_GROUPS: Record<AttributeGroup['type'], AttributeGroup> = {
  who_region: {
    type: 'who_region',
    noun: 'WHO region',
    article: 'a',
    validNoun: 'a WHO region code',
    codes: WHO_REGIONS,
    example: 'EMR',
    parse: (raw) => WhoRegionSchema.safeParse(raw).data ?? null,
    ownKey: (c) => c.whoRegion,
    filter: (key) => ({ whoRegion: key as WhoRegion }),
    label: (key) => WHO_REGION_NAMES[key as WhoRegion],
  },
  income_group: {
    type: 'income_group',
    noun: 'income group',
    article: 'an',
    validNoun: 'an income group code',
    codes: INCOME_GROUPS,
    example: 'LMC',
    parse: (raw) => IncomeGroupSchema.safeParse(raw).data ?? null,
    ownKey: (c) => c.incomeGroup,
    filter: (key) => ({ incomeGroup: key as IncomeGroup }),
    label: (key) => INCOME_GROUP_NAMES[key as IncomeGroup],
  },
  un_region: {
    type: 'un_region',
    noun: 'UN region',
    article: 'a',
    validNoun: 'a UN M49 region',
    codes: UN_REGIONS,
    example: 'Asia',
    // Any capitalisation (?group=asia): the names are the keys.
    parse: (raw) => UN_REGIONS.find((r) => r.toLowerCase() === raw.toLowerCase()) ?? null,
    ownKey: (c) => c.unRegion,
    filter: (key) => ({ unRegion: key }),
    label: (key) => `${key} (UN region)`,
  },
};

/**
 * The key of a built-in group (all countries, a WHO region, an income group, a UN region) without its
 * members: the one given, checked, or else the country's own (its WHO region or income group as the
 * round classifies it). A comparison reads the group's precomputed statistics by this key while the
 * members are listed, rather than after (one round trip to the database less).
 */
export async function builtInGroupKey(
  db: DbOrTx,
  type: AggregatedGroupType,
  key: string | undefined,
  country?: Country,
  opts: GroupOptions = {},
): Promise<string> {
  return type === 'all' ? 'all' : attributeKey(db, ATTRIBUTE_GROUPS[type], key, country, opts);
}

/** UN regions do not change; WHO regions and income groups are taken as the round classifies them. */
const roundOf = (g: AttributeGroup, opts: GroupOptions) =>
  g.type !== 'un_region' && opts.basis !== 'today' ? opts.round : undefined;

async function attributeKey(
  db: DbOrTx,
  g: AttributeGroup,
  key: string | undefined,
  country: Country | undefined,
  opts: GroupOptions,
): Promise<string> {
  const list = g.codes.join(', ');
  const byRound = roundOf(g, opts);
  // The country's own is looked up only when no key is given.
  const own =
    key || !country
      ? null
      : byRound
        ? opts.ownClass !== undefined
          ? opts.ownClass
          : await roundClassOf(db, country.iso3, g.type, byRound)
        : g.ownKey(country);
  const raw = key || own;
  if (!raw) {
    throw new AppError(
      400,
      country
        ? `group: ${country.name} has no ${g.noun}; name one (e.g. group=${g.example})`
        : `group: name ${g.article} ${g.noun} (${list}), e.g. group=${g.example}`,
    );
  }
  const parsed = g.parse(raw);
  if (!parsed) throw new AppError(400, `group: "${raw}" is not ${g.validNoun} (${list})`);
  return parsed;
}

async function resolveAttributeGroup(
  db: DbOrTx,
  g: AttributeGroup,
  key: string | undefined,
  country?: Country,
  opts: GroupOptions = {},
): Promise<PeerGroup> {
  const parsed = await attributeKey(db, g, key, country, opts);
  const byRound = roundOf(g, opts);
  const members = byRound
    ? await roundMembers(db, g.type, parsed, byRound)
    : (await listCountries(db, g.filter(parsed))).map((c) => c.iso3);
  return {
    type: g.type,
    key: parsed,
    label: g.label(parsed),
    members,
    classification: g.type === 'un_region' ? null : classificationOf(opts),
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
  const known = new Set(await knownIso3(db, codes));
  const unknown = codes.filter((c) => !known.has(c));
  if (unknown.length)
    throw new AppError(404, `group: unknown country codes: ${unknown.slice(0, 10).join(', ')}`);
  const label = `${codes.length} selected ${codes.length === 1 ? 'country' : 'countries'}`;
  return { type: 'countries', key: codes.join(','), label, members: codes, classification: null };
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
  return { type: 'saved', key: String(id), label: saved.name, members: saved.members, classification: null };
}
