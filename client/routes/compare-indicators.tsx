import { useId } from 'react';
import type { SharedIndicator, SharedIndicatorResult } from '../../shared';
import { targetChartData, targetChartHeight } from '../../shared/charts/target-chart';
import { ChartPlaceholder } from '../components/ui/chart-placeholder';
import { ErrorState } from '../components/ui/error-state';
import { LoadingState } from '../components/ui/loading-state';
import { onDemand } from '../components/ui/on-demand';
import { useSharedIndicator } from '../features/compare/api/get-shared-indicator';
import { useSharedIndicators } from '../features/compare/api/get-shared-indicators';
import { CompareNav } from '../features/compare/components/compare-nav';
import { GroupPicker } from '../features/compare/components/group-picker';
import { SharedIndicatorTable } from '../features/compare/components/shared-indicator-table';
import { type GroupSelection, groupQuery, isComplete } from '../features/compare/group-params';
import { useGroupLabel } from '../features/compare/use-group-label';
import { useGroupParams } from '../features/compare/use-group-params';
import { CompareExportMenu } from '../features/exports/components/compare-export-menu';
import type { TFunction } from '../i18n/context';
import { useI18n } from '../i18n/context';
import { useCountryName } from '../i18n/countries';

const TargetChart = onDemand(() => import('../components/charts/target-chart'));
const FALLBACK: GroupSelection = { groupType: 'all' };

/** The chart's bar labels in the interface language (the shared mapping writes them in English). */
function translatedTargetData(
  rows: SharedIndicatorResult['rows'],
  t: TFunction,
  countryName: (c: { iso3: string; name: string }) => string,
) {
  const data = targetChartData(rows);
  return {
    ...data,
    datasets: data.datasets.map((d) => ({ ...d, label: t('shared.col.percent') })),
    labels: rows.map(
      (r) =>
        t('shared.barLabel', { name: countryName(r), status: t(`progress.${r.progress.status}`) }) +
        (r.progress.percentOfTarget === null ? t('shared.noPercent') : '') +
        (r.illustrative ? t('shared.illustrativeTarget') : ''),
    ),
  };
}

/** Unicode isolation, so a code and an English name keep their order inside right-to-left text. */
const isolate = (s: string) => `\u2068${s}\u2069`;

function optionLabel(i: SharedIndicator, t: TFunction): string {
  const fw = i.indicator.frameworkCode;
  const source = i.indicator.national
    ? t('shared.national', { iso3: fw.slice('national-'.length).toUpperCase() })
    : fw;
  const n = i.countries.length;
  return t('shared.option', {
    indicator: isolate(`${i.indicator.code} ${i.indicator.name}`),
    source,
    count: n,
  });
}

/** View 5: an indicator that countries' plans share, side by side: latest value, % of target, status. */
export function CompareIndicatorsPage() {
  const id = useId();
  const { t } = useI18n();
  const groupLabel = useGroupLabel();
  const countryName = useCountryName();
  const { params, selection, caseStudy, setSelection, setValues } = useGroupParams(FALLBACK);
  const list = useSharedIndicators();
  const items = list.data?.items ?? [];
  const asked = Number(params.get('indicator'));
  const current = items.find((i) => i.indicator.id === asked) ?? items[0];
  const ready = isComplete(selection) && current !== undefined;
  const detail = useSharedIndicator(
    { indicatorId: current?.indicator.id ?? 0, ...groupQuery(selection) },
    { enabled: ready },
  );
  const data = detail.data;

  return (
    <>
      <title>{t('app.titleSuffix', { page: t('shared.title') })}</title>
      <h1>{t('shared.title')}</h1>
      <CompareExportMenu query={groupQuery(selection)} caseStudy={caseStudy} />
      <CompareNav selection={selection} caseStudy={caseStudy} />
      <p className="muted">{t('shared.intro')}</p>
      <GroupPicker value={selection} onChange={setSelection} />
      {list.isPending ? (
        <LoadingState label={t('shared.loadingList')} rows={2} />
      ) : list.isError ? (
        <ErrorState
          title={t('shared.loadListError')}
          error={list.error}
          onRetry={() => void list.refetch()}
        />
      ) : items.length === 0 ? (
        <p className="notice">{t('shared.noneTracked')}</p>
      ) : (
        <div className="field">
          <label htmlFor={`${id}-indicator`}>{t('map.indicator')}</label>
          <select
            id={`${id}-indicator`}
            value={String(current?.indicator.id ?? '')}
            onChange={(e) => setValues({ indicator: e.target.value })}
          >
            {items.map((i) => (
              <option key={i.indicator.id} value={String(i.indicator.id)}>
                {optionLabel(i, t)}
              </option>
            ))}
          </select>
        </div>
      )}
      {!ready ? null : detail.isPending ? (
        <LoadingState label={t('shared.loading')} rows={3} />
      ) : detail.isError ? (
        <ErrorState
          title={t('shared.loadError')}
          error={detail.error}
          onRetry={() => void detail.refetch()}
        />
      ) : data ? (
        <section className="section" aria-labelledby="shared-heading">
          <h2 id="shared-heading">
            <bdi>
              {data.indicator.code} {data.indicator.name}
            </bdi>{' '}
            — {groupLabel(data.group)}
          </h2>
          {data.rows.length === 0 ? (
            <p className="notice">{t('shared.noRows')}</p>
          ) : (
            <>
              {data.rows.length === 1 && (
                <p className="notice">
                  {t('shared.onlyOne', { name: data.rows[0] ? countryName(data.rows[0]) : '' })}
                </p>
              )}
              {data.rows.some((r) => r.illustrative) && (
                <p className="muted small">{t('shared.illustrativeNote')}</p>
              )}
              <TargetChart
                fallback={
                  <ChartPlaceholder
                    label={t('common.drawingChart')}
                    height={targetChartHeight(data.rows.length)}
                  />
                }
                data={translatedTargetData(data.rows, t, countryName)}
                label={t('shared.chartLabel', {
                  indicator: `${data.indicator.code} ${data.indicator.name}`,
                  group: groupLabel(data.group),
                })}
              />
              <SharedIndicatorTable
                data={data}
                caption={t('shared.caption', { indicator: `${data.indicator.code} ${data.indicator.name}` })}
              />
            </>
          )}
        </section>
      ) : null}
    </>
  );
}
