import type { Plan } from '../../../../shared';
import { ContentTextView, useContentTexts } from '../../../i18n/content';
import { useI18n } from '../../../i18n/context';
import { formatMoney } from '../format';
import { IllustrativeBadge } from './illustrative-badge';
import { RateCell } from './rate-cell';

/** Strategic objectives: GAP objective, budget and implementation rate (also the chart's table alternative). */
export function ObjectivesTable({ plan }: { plan: Plan }) {
  const { t, formatNumber } = useI18n();
  const content = useContentTexts(
    'objective',
    plan.objectives.map((o) => o.id),
  );
  return (
    <div className="table-scroll">
      <table className="table">
        <caption>{t('objectives.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('objectives.col.code')}</th>
            <th scope="col">{t('objectives.col.objective')}</th>
            <th scope="col">{t('objectives.col.gap')}</th>
            <th scope="col" className="num">
              {t('objectives.col.budget')}
            </th>
            <th scope="col" className="num">
              {t('objectives.col.counted')}
            </th>
            <th scope="col" className="num">
              {t('objectives.col.rate')}
            </th>
          </tr>
        </thead>
        <tbody>
          {plan.objectives.map((o) => (
            <tr key={o.id}>
              <th scope="row">{o.code}</th>
              <td>
                <ContentTextView value={content(o.id, 'title', o.title)} />{' '}
                {o.illustrative && <IllustrativeBadge />}
              </td>
              <td>
                {o.gapObjective
                  ? `${o.gapObjective}. ${t(`gap.${o.gapObjective as 1 | 2 | 3 | 4 | 5}`)}`
                  : '—'}
              </td>
              <td className="num">{formatMoney(o.budget, o.currency)}</td>
              <td className="num">{formatNumber(o.implementation.counted)}</td>
              <td className="num">
                <RateCell rate={o.implementation} />
              </td>
            </tr>
          ))}
        </tbody>
        {plan.budget && (
          <tfoot>
            <tr>
              <th scope="row" colSpan={3}>
                {t('objectives.total')}
              </th>
              <td className="num">{formatMoney(plan.budget.total, plan.budget.currency)}</td>
              <td className="num">{plan.implementation.overall.counted}</td>
              <td className="num">
                <RateCell rate={plan.implementation.overall} />
              </td>
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}
