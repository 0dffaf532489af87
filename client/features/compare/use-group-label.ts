import type { PeerGroupType } from '../../../shared/constants/compare';
import { INCOME_GROUPS, UN_REGIONS, WHO_REGIONS } from '../../../shared/constants/country';
import { isOneOf } from '../../../shared/constants/guard';
import { useT } from '../../i18n/context';

/** A peer group's name in the interface language (saved and hand-picked groups keep their own). */
export function useGroupLabel(): (group: { type: PeerGroupType; key: string; label: string }) => string {
  const t = useT();
  return (g) => {
    if (g.type === 'all') return t('cmp.groupType.all');
    const key = g.key;
    if (g.type === 'who_region' && isOneOf(WHO_REGIONS, key)) return t(`whoRegion.${key}`);
    if (g.type === 'income_group' && isOneOf(INCOME_GROUPS, key)) return t(`income.${key}`);
    if (g.type === 'un_region' && isOneOf(UN_REGIONS, key))
      return t('cmp.unRegionLabel', { region: t(`unRegion.${key}`) });
    return g.label;
  };
}
