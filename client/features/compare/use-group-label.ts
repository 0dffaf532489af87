import { IncomeGroupSchema, type PeerGroupType, UnRegionSchema, WhoRegionSchema } from '../../../shared';
import { useT } from '../../i18n/context';

/** A peer group's name in the interface language (saved and hand-picked groups keep their own). */
export function useGroupLabel(): (group: { type: PeerGroupType; key: string; label: string }) => string {
  const t = useT();
  return (g) => {
    if (g.type === 'all') return t('cmp.groupType.all');
    const who = WhoRegionSchema.safeParse(g.key);
    if (g.type === 'who_region' && who.success) return t(`whoRegion.${who.data}`);
    const income = IncomeGroupSchema.safeParse(g.key);
    if (g.type === 'income_group' && income.success) return t(`income.${income.data}`);
    const un = UnRegionSchema.safeParse(g.key);
    if (g.type === 'un_region' && un.success)
      return t('cmp.unRegionLabel', { region: t(`unRegion.${un.data}`) });
    return g.label;
  };
}
