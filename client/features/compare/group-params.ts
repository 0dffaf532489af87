import {
  type IncomeGroup,
  IncomeGroupSchema,
  Iso3Schema,
  type PeerGroupType,
  PeerGroupTypeSchema,
  type UnRegion,
  UnRegionSchema,
  type WhoRegion,
  WhoRegionSchema,
} from '../../../shared';

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
    const parsed = Iso3Schema.safeParse(part);
    if (parsed.success && !out.includes(parsed.data)) out.push(parsed.data);
  }
  return out.slice(0, MAX_PICKED_COUNTRIES);
}

/** Reads the group from the URL; a missing or hand-mangled group falls back to `fallback`. */
export function groupFromSearchParams(params: URLSearchParams, fallback: GroupSelection): GroupSelection {
  const type = PeerGroupTypeSchema.safeParse(params.get('groupType'));
  if (!type.success) return fallback;
  const raw = params.get('group');
  switch (type.data) {
    case 'all':
      return { groupType: 'all' };
    case 'who_region': {
      const region = WhoRegionSchema.safeParse(raw);
      return region.success ? { groupType: 'who_region', group: region.data } : fallback;
    }
    case 'income_group': {
      const income = IncomeGroupSchema.safeParse(raw);
      return income.success ? { groupType: 'income_group', group: income.data } : fallback;
    }
    case 'un_region': {
      const region = UnRegionSchema.safeParse(raw);
      return region.success ? { groupType: 'un_region', group: region.data } : fallback;
    }
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
  const parsed = Iso3Schema.safeParse(raw ?? '');
  return parsed.success ? parsed.data : DEFAULT_CASE_STUDY;
}

/** Search string carrying the group and the case study to another comparison view. */
export function viewSearch(
  sel: GroupSelection,
  caseStudy: string | null,
  extra: Record<string, string> = {},
) {
  const params = withGroup(new URLSearchParams(extra), sel);
  if (caseStudy !== DEFAULT_CASE_STUDY) params.set('case', caseStudy ?? 'none');
  return `?${params.toString()}`;
}
