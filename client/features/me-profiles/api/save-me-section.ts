import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MeSection, MeSectionContent, MeSectionView } from '../../../../shared';
import { apiSend } from '../../../lib/api-client';
import { type MeProfileView, meProfileKey, replaceSection } from './get-me-profile';
import { meProfileHistoryKey } from './get-me-profile-history';

export const sectionViewSchema = () =>
  import('../../../../shared/api/me-profiles').then((m) => m.MeSectionViewSchema);

/** PUT a section's draft: the whole content and the version read (409 when someone saved since). */
export function saveMeSection(
  iso3: string,
  section: MeSection,
  body: { content: MeSectionContent; version: number },
): Promise<MeSectionView> {
  return apiSend('PUT', `/countries/${iso3}/me-profile/${section}`, sectionViewSchema, body);
}

/** After a write: the section's new layers and version go into the cached profile, the history reloads. */
export async function afterSectionWrite(
  queryClient: ReturnType<typeof useQueryClient>,
  iso3: string,
  view: MeSectionView,
) {
  const current = queryClient.getQueryData<MeProfileView>(meProfileKey(iso3));
  if (current) queryClient.setQueryData(meProfileKey(iso3), await replaceSection(current, view));
  void queryClient.invalidateQueries({ queryKey: meProfileHistoryKey(iso3) });
}

export function useSaveMeSection(iso3: string, section: MeSection) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { content: MeSectionContent; version: number }) => saveMeSection(iso3, section, body),
    onSuccess: (view) => afterSectionWrite(queryClient, iso3, view),
  });
}
