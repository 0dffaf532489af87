import type { PeerGroupType } from '../../../shared/constants/compare';
import { INCOME_GROUPS, UN_REGIONS, WHO_REGIONS } from '../../../shared/constants/country';
import { isOneOf } from '../../../shared/constants/guard';
import { useT } from '../../i18n/context';

/** A peer group's name in the interface language (a saved group keeps its own; a hand-picked list is named by its size). */
export function useGroupLabel(): (group: { type: PeerGroupType; key: string; label: string }) => string {
  const t = useT();
  return (g) => {
    if (g.type === 'all') return t('cmp.groupType.all');
    // The server's label of a hand-picked list is English ("5 selected countries"): named here in the reader's language.
    if (g.type === 'countries')
      return t('cmp.pickedLabel', { count: g.key.split(',').filter(Boolean).length });
    const key = g.key;
    if (g.type === 'who_region' && isOneOf(WHO_REGIONS, key)) return t(`whoRegion.${key}`);
    if (g.type === 'income_group' && isOneOf(INCOME_GROUPS, key)) return t(`income.${key}`);
    if (g.type === 'un_region' && isOneOf(UN_REGIONS, key))
      return t('cmp.unRegionLabel', { region: t(`unRegion.${key}`) });
    return g.label;
  };
}
