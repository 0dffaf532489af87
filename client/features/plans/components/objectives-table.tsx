import type { Plan } from '../../../../shared';
import { ContentTextView, useContentTexts } from '../../../i18n/content';
import { useI18n } from '../../../i18n/context';
import { formatMoney } from '../format';
import { IllustrativeBadge } from './illustrative-badge';
import { PublishedRateCell, publishedSources } from './published-rate';
import { RateCell } from './rate-cell';

/**
 * Strategic objectives: GAP objective, budget, the implementation rate computed from the activities and,
 * beside it, the rate a published evaluation reported (with its source). Also the chart's table alternative.
 */
export function ObjectivesTable({ plan }: { plan: Plan }) {
  const { t, formatNumber, locale } = useI18n();
  const content = useContentTexts(
    'objective',
    plan.objectives.map((o) => o.id),
  );
  const published = plan.objectives.some((o) => o.publishedRate);
  const activities = (id: number) => plan.activities.filter((a) => a.objectiveId === id).length;
  const overall = plan.implementation.overall;
  return (
    <>
      {/* Wide (computed and published rates side by side): keyboard users can scroll it too. */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable (WCAG 2.1.1) */}
      <section className="table-scroll" tabIndex={0} aria-label={t('objectives.caption')}>
        <table className="table table--cards table--wrap-head">
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
                {t('objectives.col.activities')}
              </th>
              <th scope="col" className="num">
                {t('objectives.col.counted')}
              </th>
              <th scope="col" className="num">
                {t('objectives.col.rate')}
              </th>
              {published && (
                <th scope="col" className="num">
                  {t('objectives.col.published')}
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {plan.objectives.map((o) => (
              <tr key={o.id}>
                <th scope="row">{o.code}</th>
                <td className="cell--text">
                  <ContentTextView value={content(o.id, 'title', o.title)} />{' '}
                  {o.illustrative && <IllustrativeBadge />}
                </td>
                <td data-label={t('objectives.col.gap')}>
                  {o.gapObjective
                    ? `${o.gapObjective}. ${t(`gap.${o.gapObjective as 1 | 2 | 3 | 4 | 5}`)}`
                    : '—'}
                </td>
                <td className="num" data-label={t('objectives.col.budget')}>
                  {formatMoney(o.budget, o.currency, locale)}
                </td>
                <td className="num" data-label={t('objectives.col.activities')}>
                  {formatNumber(activities(o.id))}
                </td>
                <td className="num" data-label={t('objectives.col.counted')}>
                  {formatNumber(o.implementation.counted)}
                </td>
                <td className="num" data-label={t('objectives.col.rate')}>
                  <RateCell rate={o.implementation} />
                </td>
                {published && (
                  <td className="num" data-label={t('objectives.col.published')}>
                    <PublishedRateCell rate={o.publishedRate} />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
          {plan.budget && (
            <tfoot>
              <tr>
                <th scope="row" colSpan={3}>
                  {t('objectives.total')}
                </th>
                <td className="num" data-label={t('objectives.col.budget')}>
                  {formatMoney(plan.budget.total, plan.budget.currency, locale)}
                </td>
                <td className="num" data-label={t('objectives.col.activities')}>
                  {formatNumber(plan.activities.length)}
                </td>
                <td className="num" data-label={t('objectives.col.counted')}>
                  {formatNumber(overall.counted)}
                </td>
                <td className="num" data-label={t('objectives.col.rate')}>
                  <RateCell rate={overall} />
                </td>
                {published && (
                  <td
                    className="num"
                    data-label={t('objectives.col.published')}
                    title={t('impl.publishedByObjectiveOnlyHint')}
                  >
                    {t('impl.publishedByObjectiveOnly')}
                  </td>
                )}
              </tr>
            </tfoot>
          )}
        </table>
      </section>
      {publishedSources(plan).map((s) => (
        <p key={s} className="muted small">
          {t('objectives.publishedSource', { source: s })}
        </p>
      ))}
    </>
  );
}
