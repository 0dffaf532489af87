import type { BriefingSession } from '../../../shared';
import { useT } from '../../i18n/context';
import { useGroupLabel } from '../compare';

/**
 * A session's group in words: a region or income group by its name; a saved or hand-picked group
 * by its kind and size (its key is an id or a list of codes, which says little).
 */
export function useSessionGroupLabel() {
  const t = useT();
  const groupLabel = useGroupLabel();
  return (s: Pick<BriefingSession, 'groupType' | 'group' | 'countries'>) =>
    s.groupType === 'saved' || s.groupType === 'countries'
      ? `${t(`cmp.groupType.${s.groupType}`)} (${t('briefing.countries', { n: String(s.countries.length) })})`
      : groupLabel({ type: s.groupType, key: s.group ?? '', label: s.group ?? '' });
}
