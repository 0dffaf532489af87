import type { CompareSource } from '../../../shared/api/compare';
import {
  CLASSIFICATION_BASES,
  type ClassificationBasis,
  PEER_GROUP_TYPES,
  type PeerGroupType,
} from '../../../shared/constants/compare';
import {
  INCOME_GROUPS,
  type IncomeGroup,
  parseIso3,
  UN_REGIONS,
  type UnRegion,
  WHO_REGIONS,
  type WhoRegion,
} from '../../../shared/constants/country';
import { isOneOf } from '../../../shared/constants/guard';

/** A peer group as the comparison views keep it in the URL (?groupType=who_region&group=EMR). */
export type GroupSelection =
  | { groupType: 'who_region'; group: WhoRegion }
  | { groupType: 'income_group'; group: IncomeGroup }
  | { groupType: 'un_region'; group: UnRegion }
  | { groupType: 'countries'; group: string[] }
  /** A saved group (GET /api/peer-groups), by id. */
  | { groupType: 'saved'; group: string }
  | { groupType: 'all' };

/** The case-study country pinned on every comparison view unless ?case= says otherwise. */
export const DEFAULT_CASE_STUDY = 'JOR';
export const MAX_PICKED_COUNTRIES = 300;

export function parseIso3List(raw: string | null | undefined): string[] {
  const out: string[] = [];
  for (const part of (raw ?? '').split(',')) {
    const code = parseIso3(part);
    if (code && !out.includes(code)) out.push(code);
  }
  return out.slice(0, MAX_PICKED_COUNTRIES);
}

/** Reads the group from the URL; a missing or hand-mangled group falls back to `fallback`. */
export function groupFromSearchParams(params: URLSearchParams, fallback: GroupSelection): GroupSelection {
  const type = params.get('groupType');
  if (!isOneOf(PEER_GROUP_TYPES, type)) return fallback;
  const raw = params.get('group');
  switch (type) {
    case 'all':
      return { groupType: 'all' };
    case 'who_region':
      return isOneOf(WHO_REGIONS, raw) ? { groupType: 'who_region', group: raw } : fallback;
    case 'income_group':
      return isOneOf(INCOME_GROUPS, raw) ? { groupType: 'income_group', group: raw } : fallback;
    case 'un_region':
      return isOneOf(UN_REGIONS, raw) ? { groupType: 'un_region', group: raw } : fallback;
    case 'countries':
      return { groupType: 'countries', group: parseIso3List(raw) };
    case 'saved':
      return raw && /^[1-9][0-9]{0,9}$/.test(raw) ? { groupType: 'saved', group: raw } : fallback;
  }
}

/** Writes the group into a copy of `params`, keeping the other parameters. */
export function withGroup(params: URLSearchParams, sel: GroupSelection): URLSearchParams {
  const next = new URLSearchParams(params);
  next.set('groupType', sel.groupType);
  if (sel.groupType === 'all') next.delete('group');
  else next.set('group', groupKey(sel) ?? '');
  return next;
}

/** The API's `group` parameter of a selection (undefined for all countries). */
export function groupKey(sel: GroupSelection): string | undefined {
  if (sel.groupType === 'all') return undefined;
  if (sel.groupType === 'countries') return sel.group.join(',');
  return sel.group;
}

/** The API query of a selection: { groupType, group }. */
export function groupQuery(sel: GroupSelection): { groupType: PeerGroupType; group?: string } {
  const group = groupKey(sel);
  return group === undefined ? { groupType: sel.groupType } : { groupType: sel.groupType, group };
}

/** A hand-picked group needs at least one country before anything is asked of the server. */
export function isComplete(sel: GroupSelection): boolean {
  if (sel.groupType === 'saved') return sel.group !== '';
  return sel.groupType !== 'countries' || sel.group.length > 0;
}

/** ?case=SYR pins another country; ?case=none pins none; default Jordan. */
export function caseStudyFromSearchParams(params: URLSearchParams): string | null {
  const raw = params.get('case');
  if (raw === 'none') return null;
  return parseIso3(raw) ?? DEFAULT_CASE_STUDY;
}

/** The ?case= value for a picked case study: left out for Jordan (the default), `none` for none. */
export function caseParam(iso3: string | null): string | null {
  return iso3 === DEFAULT_CASE_STUDY ? null : (iso3 ?? 'none');
}

/**
 * Which data a comparison shows and which classification makes its WHO-region and income groups
 * (?source=national&classification=today); the API's defaults are published answers, round.
 * The sources are listed here because shared/api/compare.ts, which lists them too, loads zod.
 */
export interface CompareBasis {
  source: CompareSource;
  classification: ClassificationBasis;
}
const COMPARE_SOURCES = ['published', 'national'] as const satisfies readonly CompareSource[];
export const DEFAULT_BASIS: CompareBasis = { source: 'published', classification: 'round' };

export function basisFromSearchParams(params: URLSearchParams): CompareBasis {
  const source = params.get('source');
  const classification = params.get('classification');
  return {
    source: isOneOf(COMPARE_SOURCES, source) ? source : DEFAULT_BASIS.source,
    classification: isOneOf(CLASSIFICATION_BASES, classification)
      ? classification
      : DEFAULT_BASIS.classification,
  };
}

/** The basis as address parameters: only what differs from the defaults, so plain links stay plain. */
export function basisParams(basis: Partial<CompareBasis> = {}): Record<string, string> {
  const out: Record<string, string> = {};
  if (basis.source && basis.source !== DEFAULT_BASIS.source) out.source = basis.source;
  if (basis.classification && basis.classification !== DEFAULT_BASIS.classification)
    out.classification = basis.classification;
  return out;
}

/** Groups that WHO regions or income groups make: the only ones a classification changes. */
export function isClassified(sel: GroupSelection): boolean {
  return sel.groupType === 'who_region' || sel.groupType === 'income_group';
}

/** Search string carrying the group, the case study and the data basis to another comparison view. */
export function viewSearch(
  sel: GroupSelection,
  caseStudy: string | null,
  extra: Record<string, string> = {},
  basis: Partial<CompareBasis> = {},
) {
  const params = withGroup(new URLSearchParams({ ...extra, ...basisParams(basis) }), sel);
  if (caseStudy !== DEFAULT_CASE_STUDY) params.set('case', caseStudy ?? 'none');
  return `?${params.toString()}`;
}
