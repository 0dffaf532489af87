import type { MeGroupQuery } from '../../../shared';
import type { DbOrTx } from '../../db/client';
import { AppError } from '../../lib/errors';
import type { Principal } from '../auth/permissions';
import { resolveGroup } from '../compare/group';
import { findCountry, listCountries } from '../countries/repository';

/** Who asks: the countries it may read, and itself (a private saved group is only its owner's). */
export interface GroupViewer {
  countries: 'all' | ReadonlySet<string>;
  viewer: Principal | null;
}

export const PUBLIC_VIEWER: GroupViewer = { countries: 'all', viewer: null };

export type CountryRef = { iso3: string; name: string };

/** A side-by-side view with more columns than this is unreadable (and the pack's table unprintable). */
export const MAX_SIDE_BY_SIDE = 60;

/**
 * The countries of a view: the case study first, then the group by name, without the countries the
 * caller may not read (left out, as the shared-indicator view does). The group is resolved as the
 * comparison pages resolve it; a WHO region or income group without a key is the case study's own.
 * With groupType `countries` and no list, the case study alone.
 */
export async function groupCountries(
  db: DbOrTx,
  q: { groupType: NonNullable<MeGroupQuery['groupType']>; group?: string | undefined; case: string },
  who: GroupViewer,
  limit?: number,
): Promise<CountryRef[]> {
  const caseStudy = q.case === 'none' ? null : await findCountry(db, q.case);
  if (q.case !== 'none' && !caseStudy) throw new AppError(404, `case: no country with ISO3 code ${q.case}`);
  const members =
    q.groupType === 'countries' && !q.group
      ? []
      : (await resolveGroup(db, q.groupType, q.group, caseStudy ?? undefined, who.viewer)).members;
  const names = new Map((await listCountries(db, {})).map((c) => [c.iso3, c.name]));
  const readable = (iso3: string) => who.countries === 'all' || who.countries.has(iso3);
  const others = [...new Set(members)]
    .filter((iso3) => iso3 !== caseStudy?.iso3)
    .map((iso3) => ({ iso3, name: names.get(iso3) ?? iso3 }))
    .sort((a, b) => a.name.localeCompare(b.name, 'en'));
  const countries = [
    ...(caseStudy ? [{ iso3: caseStudy.iso3, name: caseStudy.name }] : []),
    ...others,
  ].filter((c) => readable(c.iso3));
  if (limit !== undefined && countries.length > limit)
    throw new AppError(
      400,
      `group: at most ${limit} countries side by side, this one has ${countries.length}; choose a smaller group`,
    );
  return countries;
}
