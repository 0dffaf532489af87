import { queryOptions, useQuery } from '@tanstack/react-query';
import type { MeEffectiveSection, MeProfile, MeSectionView } from '../../../../shared';
import { apiGet } from '../../../lib/api-client';

/** The profile as the server sends it, with each section's public content (approved, else published). */
export type MeProfileView = MeProfile & { effective: MeEffectiveSection[] };

const domain = () => import('../../../../shared/domain/me-profile');

/**
 * Adds what the public reads of each section (effectiveMeSection, the rule the server applies too).
 * The rule's module is imported here, not at the top: it brings zod, which the page needs only once
 * the answer is in (docs/decisions/lazy-response-schemas.md).
 */
export async function withEffective(profile: MeProfile): Promise<MeProfileView> {
  const { effectiveMeSection } = await domain();
  return {
    ...profile,
    effective: profile.sections.map((s) =>
      effectiveMeSection(s.published?.content ?? null, s.approved?.content ?? null),
    ),
  };
}

/** The profile with one section replaced by what a write answered (its new version and layers). */
export function replaceSection(profile: MeProfileView, view: MeSectionView): Promise<MeProfileView> {
  return withEffective({
    ...profile,
    sections: profile.sections.map((s) => (s.section === view.section ? view : s)),
  });
}

export async function getMeProfile(iso3: string, signal?: AbortSignal): Promise<MeProfileView> {
  const profile = await apiGet(
    `/countries/${iso3}/me-profile`,
    () => import('../../../../shared/api/me-profiles').then((m) => m.MeProfileSchema),
    { signal },
  );
  return withEffective(profile);
}

export const meProfileKey = (iso3: string) => ['me-profile', iso3] as const;

export function meProfileQueryOptions(iso3: string) {
  return queryOptions({ queryKey: meProfileKey(iso3), queryFn: ({ signal }) => getMeProfile(iso3, signal) });
}

export function useMeProfile(iso3: string) {
  return useQuery(meProfileQueryOptions(iso3));
}
