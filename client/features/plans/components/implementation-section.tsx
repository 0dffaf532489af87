import type { Plan } from '../../../../shared';
import { implementationChartHeight } from '../../../../shared/charts/implementation-chart';
import { ChartPlaceholder } from '../../../components/ui/chart-placeholder';
import { onDemand } from '../../../components/ui/on-demand';
import { useI18n, useT } from '../../../i18n/context';
import { formatRate } from '../format';
import { RateCell } from './rate-cell';

// Chart.js loads after the page's first JS (docs/decisions/lazy-response-schemas.md); the tables below carry
// the same numbers.
const ImplementationChart = onDemand(() => import('../../../components/charts/implementation-chart'));

/** Implementation rate by objective and by One Health sector: bar charts, each with a table alternative. */
export function ImplementationSection({ plan }: { plan: Plan }) {
  const { t, locale } = useI18n();
  const published = plan.objectives.some((o) => o.publishedRate);
  // A plan's own wording can be long: the bars are labelled with its start (the tables hold all of it).
  const short = (s: string) => (s.length > 48 ? `${s.slice(0, 46).trimEnd()}…` : s);
  const byObjective = plan.objectives.map((o) => ({
    label: `${o.code} ${short(o.title)}`,
    rate: o.implementation.rate,
    ...(published ? { published: o.publishedRate?.rate ?? null } : {}),
  }));
  const computed = plan.objectives.some((o) => o.implementation.rate !== null);
  const bySector = plan.implementation.bySector.map((s) => ({
    label: t(`sector.${s.sector}`),
    rate: s.rate,
  }));
  // The rates, not the budgets, come from illustrative activities: say so where the rates are shown.
  const illustrative = [plan.implementation.overall, ...plan.objectives.map((o) => o.implementation)].some(
    (r) => r.source === 'illustrative',
  );
  return (
    <section aria-labelledby="implementation-heading" className="section">
      <h2 id="implementation-heading">{t('impl.title')}</h2>
      <p className="muted">{plan.implementation.rule}</p>
      {illustrative && (
        <p className="notice">
          <strong>{t('impl.illustrativeTitle')}</strong>
          {t('impl.illustrativeBody')}
        </p>
      )}
      <h3>{t('impl.byObjective')}</h3>
      {!computed && published && <p className="notice">{t('impl.noneComputed')}</p>}
      <ImplementationChart
        fallback={
          <ChartPlaceholder
            label={t('common.loadingChart')}
            height={implementationChartHeight(byObjective)}
          />
        }
        rows={byObjective}
        label={t('impl.objectiveLabel', {
          list: byObjective
            .map((r) =>
              computed || !published
                ? `${r.label} ${formatRate(r.rate, locale)}`
                : `${r.label} ${formatRate(r.published ?? null, locale)} (${t('impl.published')})`,
            )
            .join('; '),
        })}
        testId="implementation-by-objective"
      />
      <h3>{t('impl.bySector')}</h3>
      {bySector.length === 0 ? (
        <p className="muted">{t('impl.noSectors')}</p>
      ) : (
        <>
          <ImplementationChart
            fallback={
              <ChartPlaceholder
                label={t('common.loadingChart')}
                height={implementationChartHeight(bySector)}
              />
            }
            rows={bySector}
            label={t('impl.sectorLabel', {
              list: bySector.map((r) => `${r.label} ${formatRate(r.rate, locale)}`).join('; '),
            })}
            testId="implementation-by-sector"
          />
          <SectorTable plan={plan} />
        </>
      )}
    </section>
  );
}

function SectorTable({ plan }: { plan: Plan }) {
  const t = useT();
  return (
    <details className="table-alternative">
      <summary>{t('impl.sectorTable')}</summary>
      <table className="table table--compact">
        <caption>{t('impl.sectorCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('impl.col.sector')}</th>
            <th scope="col" className="num">
              {t('impl.completed')}
            </th>
            <th scope="col" className="num">
              {t('impl.ongoing')}
            </th>
            <th scope="col" className="num">
              {t('impl.not_started')}
            </th>
            <th scope="col" className="num">
              {t('impl.cancelled')}
            </th>
            <th scope="col" className="num">
              {t('impl.notReported')}
            </th>
            <th scope="col" className="num">
              {t('impl.col.rate')}
            </th>
          </tr>
        </thead>
        <tbody>
          {plan.implementation.bySector.map((s) => (
            <tr key={s.sector}>
              <th scope="row">{t(`sector.${s.sector}`)}</th>
              <td className="num">{s.completed}</td>
              <td className="num">{s.ongoing}</td>
              <td className="num">{s.notStarted}</td>
              <td className="num">{s.cancelled}</td>
              <td className="num">{s.notReported}</td>
              <td className="num">
                <RateCell rate={s} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
