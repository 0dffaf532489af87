import type { MeProfile } from '../../../../shared';
import { ScrollTable } from '../../../components/ui/scroll-table';
import { useT } from '../../../i18n/context';
import { useMeText } from '../text';
import { gapKey } from './tags';

type LinkedPlan = NonNullable<MeProfile['plan']>;

/** Step 3's linked indicators: the country's current plan, as the caller may read it. */
export function PlanIndicatorsTable({ plan }: { plan: LinkedPlan }) {
  const t = useT();
  const text = useMeText();
  const caption = t('meView.planIndicators', { plan: plan.name });
  if (plan.indicators.length === 0)
    return <p className="muted small">{t('meView.noPlanIndicators', { plan: plan.name })}</p>;
  return (
    <ScrollTable caption={caption} className="table table--compact">
      <thead>
        <tr>
          <th scope="col">{t('meView.col.code')}</th>
          <th scope="col">{t('meView.col.indicator')}</th>
          <th scope="col">{t('objectives.col.gap')}</th>
          <th scope="col">{t('meView.col.sectors')}</th>
        </tr>
      </thead>
      <tbody>
        {plan.indicators.map((i) => (
          <tr key={i.code}>
            <td className="nowrap">{i.code}</td>
            <td>{i.name}</td>
            <td>{i.gapObjective ? `${i.gapObjective}. ${t(gapKey(i.gapObjective))}` : '—'}</td>
            <td>{i.sectors.map((s) => text.options.sector[s]).join(', ') || '—'}</td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}
