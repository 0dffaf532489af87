import type { Plan } from '../../../../shared';
import { SourceBadge } from '../../../components/ui/source-badge';
import { useI18n } from '../../../i18n/context';
import { formatAmount, isMarkedSource, yesNoOf } from '../format';
import { IllustrativeBadge } from './illustrative-badge';

export function PlanIndicatorsTable({
  plan,
  indicators = plan.indicators,
}: {
  plan: Plan;
  indicators?: Plan['indicators'];
}) {
  const { t, formatPercent, locale } = useI18n();
  if (indicators.length === 0) return <p className="notice">{t('indicators.none')}</p>;
  const objectiveCode = new Map(plan.objectives.map((o) => [o.id, o.code]));
  return (
    <div className="table-scroll">
      <table className="table">
        <caption>{t('indicators.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('cmp.col.indicator')}</th>
            <th scope="col">{t('objectives.col.objective')}</th>
            <th scope="col">{t('shared.col.baseline')}</th>
            <th scope="col">{t('indicators.col.targets')}</th>
            <th scope="col">{t('shared.col.latest')}</th>
            <th scope="col" className="num">
              {t('shared.col.percent')}
            </th>
            <th scope="col">{t('shared.col.status')}</th>
          </tr>
        </thead>
        <tbody>
          {indicators.map((i) => {
            const { latest, percentOfTarget, status, source } = i.progress;
            // % of target and status are derived: marked when the value, target or indicator is not settled data.
            const mark = isMarkedSource(source) ? <SourceBadge source={source} /> : null;
            return (
              <tr key={i.id}>
                <th scope="row">
                  {/* A followed question is named by its own code and round below, not the internal code. */}
                  {i.indicator.follows ? '' : `${i.indicator.code} `}
                  {i.indicator.name} {i.illustrative && <IllustrativeBadge />}
                  <div className="muted small">
                    {i.indicator.follows
                      ? t('indicators.follows', {
                          code: i.indicator.follows.code,
                          round: i.indicator.follows.frameworkName,
                        })
                      : i.indicator.national
                        ? t('indicators.national')
                        : i.indicator.frameworkCode}{' '}
                    · {t(`direction.${i.direction}`)}
                  </div>
                </th>
                <td>{i.objectiveId ? objectiveCode.get(i.objectiveId) : '—'}</td>
                <td>
                  {i.baseline
                    ? `${formatAmount(i.baseline, i.indicator.unit, locale, yesNoOf(t, i.indicator.measureType))} (${i.baseline.year})`
                    : t('indicators.noneValue')}
                </td>
                <td>
                  {i.targets.length === 0
                    ? t('indicators.noneValue')
                    : i.targets.map((target) => (
                        <div key={target.year}>
                          {target.year}:{' '}
                          {formatAmount(
                            target,
                            i.indicator.unit,
                            locale,
                            yesNoOf(t, i.indicator.measureType),
                          )}{' '}
                          {target.illustrative && <IllustrativeBadge />}
                        </div>
                      ))}
                </td>
                <td>
                  {latest ? (
                    <>
                      {`${formatAmount(latest, i.indicator.unit, locale, yesNoOf(t, i.indicator.measureType))} (${latest.periodCode})`}{' '}
                      <SourceBadge source={latest.source} name={latest.sourceName} />
                    </>
                  ) : (
                    t('progress.no_data')
                  )}
                </td>
                <td className="num">
                  {percentOfTarget === null ? '—' : formatPercent(percentOfTarget, 1)}
                  {percentOfTarget !== null && mark && <> {mark}</>}
                </td>
                <td>
                  <span className={`badge badge--${status}`}>{t(`progress.${status}`)}</span>
                  {status !== 'no_data' && mark && <> {mark}</>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
