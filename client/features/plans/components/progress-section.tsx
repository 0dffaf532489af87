import { useId, useState } from 'react';
import type { Plan } from '../../../../shared';
import { PROGRESS_CHART_HEIGHT } from '../../../../shared/charts/progress-chart';
import { PROGRESS_STATUSES } from '../../../../shared/constants/plan';
import { ChartPlaceholder } from '../../../components/ui/chart-placeholder';
import { onDemand } from '../../../components/ui/on-demand';
import { useI18n, useT } from '../../../i18n/context';
import { useErrorText } from '../../../lib/error-text';
import { useIndicatorValues } from '../api/get-indicator-values';
import { formatAmount, shownCode, yesNoOf } from '../format';
import { progressSeriesOf, statusCounts } from '../progress-series';

// Chart.js loads after the page's first JS (docs/decisions/lazy-response-schemas.md).
const ProgressChart = onDemand(() => import('./progress-chart'));

/** A status summary of the plan's indicators, and one indicator's values against its target path. */
export function ProgressSection({ plan }: { plan: Plan }) {
  const id = useId();
  const t = useT();
  const counts = statusCounts(plan);
  // An M&E-plan indicator with neither a number target nor a value has no path to draw; a text
  // milestone has no scale (the indicators table gives its text).
  const charted = plan.indicators.filter(
    (i) =>
      i.indicator.measureType !== 'text' &&
      (!i.planningElement || i.targets.length > 0 || i.progress.latest !== null),
  );
  const [chosen, setChosen] = useState(charted[0]?.id);
  const pi = charted.find((i) => i.id === chosen) ?? charted[0];
  return (
    <section aria-labelledby={`${id}-progress`} className="section">
      <h2 id={`${id}-progress`}>{t('progress.title')}</h2>
      {/* Five badges side by side are wider than a phone: the table scrolls in its own frame. */}
      <div className="table-scroll">
        <table className="table table--compact" data-testid="status-summary">
          <caption>{t('progress.byStatus')}</caption>
          <thead>
            <tr>
              {PROGRESS_STATUSES.map((s) => (
                <th key={s} scope="col" className="num">
                  <span className={`badge badge--${s}`}>{t(`progress.${s}`)}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              {PROGRESS_STATUSES.map((s) => (
                <td key={s} className="num">
                  {counts[s]}
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
      {!pi && plan.indicators.length > 0 && <p className="muted">{t('progress.noneCharted')}</p>}
      {pi && (
        <>
          <div className="field">
            <label htmlFor={`${id}-indicator`}>{t('cmp.col.indicator')}</label>
            <select id={`${id}-indicator`} value={pi.id} onChange={(e) => setChosen(Number(e.target.value))}>
              {charted.map((i) => (
                <option key={i.id} value={i.id}>
                  {shownCode(i.indicator)} {i.indicator.name}
                </option>
              ))}
            </select>
          </div>
          <IndicatorProgress plan={plan} pi={pi} />
        </>
      )}
    </section>
  );
}

function IndicatorProgress({ plan, pi }: { plan: Plan; pi: Plan['indicators'][number] }) {
  const { errorText } = useErrorText();
  const { t, locale } = useI18n();
  const values = useIndicatorValues(plan.id, pi.id);
  if (values.isPending) return <p className="muted small">{t('progress.loadingValues')}</p>;
  if (values.isError)
    return (
      <p role="alert" className="error-text">
        {errorText(values.error)}
      </p>
    );
  const series = progressSeriesOf(plan, pi, values.data.items);
  const unit = pi.indicator.unit;
  const yesNo = yesNoOf(t, pi.indicator.measureType);
  const sep = t('common.comma');
  const none = t('previous.none');
  const label = t('progress.chartLabel', {
    code: shownCode(pi.indicator),
    baseline: `${formatAmount(pi.baseline, unit, locale, yesNo)}${pi.baseline ? ` (${pi.baseline.year})` : ''}`,
    targets: pi.targets.map((x) => `${x.year}: ${formatAmount(x, unit, locale, yesNo)}`).join(sep) || none,
    values:
      series.values
        .map(
          (v) =>
            `${v.year}: ${typeof v.value === 'number' ? formatAmount({ value: v.value, level: null }, null, locale, yesNo) : v.value}`,
        )
        .join(sep) || none,
    status: t(`progress.${pi.progress.status}`),
  });
  return (
    <>
      {pi.illustrative || pi.targets.some((t) => t.illustrative) ? (
        <p className="muted small">{t('progress.illustrative')}</p>
      ) : null}
      <ProgressChart
        fallback={<ChartPlaceholder label={t('common.loadingChart')} height={PROGRESS_CHART_HEIGHT} />}
        series={series}
        label={label}
      />
      <p className="muted small">{label}</p>
    </>
  );
}
