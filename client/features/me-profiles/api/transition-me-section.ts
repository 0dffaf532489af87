import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MeSection, MeSectionView } from '../../../../shared';
import { apiSend } from '../../../lib/api-client';
import { afterSectionWrite, sectionViewSchema } from './save-me-section';

export type MeTransition = 'submit' | 'approve' | 'return';

/** Submit a section's draft, approve it (it becomes public) or return it with a reason. */
export function transitionMeSection(
  iso3: string,
  section: MeSection,
  step: MeTransition,
  body: { version: number; reason?: string },
): Promise<MeSectionView> {
  return apiSend('POST', `/countries/${iso3}/me-profile/${section}/${step}`, sectionViewSchema, body);
}

/**
 * An approval changes what everyone reads (the comparison, the learning page, packs): their cached
 * answers are marked stale, so those pages ask again when next shown.
 */
export function useTransitionMeSection(iso3: string, section: MeSection) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: { step: MeTransition; version: number; reason?: string }) =>
      transitionMeSection(iso3, section, v.step, {
        version: v.version,
        ...(v.step === 'return' ? { reason: v.reason ?? '' } : {}),
      }),
    onSuccess: async (view, v) => {
      await afterSectionWrite(queryClient, iso3, view);
      if (v.step === 'approve') {
        void queryClient.invalidateQueries({ queryKey: ['me-compare'], refetchType: 'none' });
        void queryClient.invalidateQueries({ queryKey: ['me-learning'], refetchType: 'none' });
      }
    },
  });
}
