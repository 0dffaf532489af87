import { useId, useMemo } from 'react';
import { indicatorRows, levelCounts } from '../components/charts/map-data';
import { ChartPlaceholder } from '../components/ui/chart-placeholder';
import { ErrorState } from '../components/ui/error-state';
import { LoadingState } from '../components/ui/loading-state';
import { onDemand } from '../components/ui/on-demand';
import { useGroupHeatmap } from '../features/compare/api/get-heatmap';
import { BasisNote } from '../features/compare/components/basis-note';
import { BasisPicker } from '../features/compare/components/basis-picker';
import { CaseStudyPicker } from '../features/compare/components/case-study-picker';
import { CompareNav } from '../features/compare/components/compare-nav';
import { GroupPicker } from '../features/compare/components/group-picker';
import { MapLegend } from '../features/compare/components/map-legend';
import { MapTable } from '../features/compare/components/map-table';
import { NoAnswerNotice } from '../features/compare/components/no-answer-notice';
import {
  basisParams,
  caseParam,
  type GroupSelection,
  groupQuery,
  isClassified,
  isComplete,
} from '../features/compare/group-params';
import { useGroupLabel } from '../features/compare/use-group-label';
import { useGroupParams } from '../features/compare/use-group-params';
import { CompareExportMenu } from '../features/exports/components/compare-export-menu';
import { useI18n } from '../i18n/context';
import { useCountryName } from '../i18n/countries';
import { TRACSS } from '../lib/tracss';

// The map carries d3-geo and the world's shapes (~60 kB gzip): load it only on this page.
const ChoroplethMap = onDemand(() => import('../components/charts/choropleth-map'));
const FALLBACK: GroupSelection = { groupType: 'all' };

/** View 3: a choropleth world map of one indicator's levels, with its key and its table. */
export function CompareMapPage() {
  const id = useId();
  const { t } = useI18n();
  const countryName = useCountryName();
  const groupLabel = useGroupLabel();
  const { params, selection, caseStudy, basis, setSelection, setValues, setBasis } = useGroupParams(FALLBACK);
  const ready = isComplete(selection);
  // The map shows published answers; only the classification of its groups is a choice here.
  const heatmap = useGroupHeatmap(selection, { classification: basis.classification });
  const indicators = heatmap.data?.indicators ?? [];
  const code = indicators.some((i) => i.code === params.get('indicator'))
    ? (params.get('indicator') as string)
    : (indicators[0]?.code ?? '');
  const indicator = indicators.find((i) => i.code === code);
  const rows = useMemo(() => (heatmap.data ? indicatorRows(heatmap.data, code) : []), [heatmap.data, code]);
  const counts = levelCounts(rows);
  const caseRow = heatmap.data?.countries.find((c) => c.iso3 === caseStudy);
  const title = indicator ? `${indicator.code} ${indicator.name}` : '';

  return (
    <>
      <title>{t('app.titleSuffix', { page: t('map.title') })}</title>
      <h1>{t('map.h1')}</h1>
      <CompareExportMenu
        query={groupQuery(selection)}
        caseStudy={caseStudy}
        basis={basisParams({ classification: basis.classification })}
      />
      <CompareNav selection={selection} caseStudy={caseStudy} basis={basis} />
      <div className="picker-row">
        <div className="field">
          <label htmlFor={`${id}-indicator`}>{t('map.indicator')}</label>
          <select
            id={`${id}-indicator`}
            value={code}
            disabled={indicators.length === 0}
            onChange={(e) => setValues({ indicator: e.target.value })}
          >
            {indicators.map((i) => (
              <option key={i.id} value={i.code}>
                {i.code} {i.name}
              </option>
            ))}
          </select>
        </div>
        <GroupPicker value={selection} onChange={setSelection} />
      </div>
      <CaseStudyPicker value={caseStudy} onChange={(c) => setValues({ case: caseParam(c) })} hint />
      <BasisPicker basis={basis} onChange={setBasis} classification={isClassified(selection)} />
      {!ready ? (
        <p className="notice">{t('cmp.addOne')}</p>
      ) : heatmap.isPending ? (
        <LoadingState label={t('map.loading')} rows={4} />
      ) : heatmap.isError ? (
        <ErrorState title={t('map.loadError')} error={heatmap.error} onRetry={() => void heatmap.refetch()} />
      ) : (
        <section className="section" aria-labelledby={`${id}-heading`}>
          <h2 id={`${id}-heading`}>
            <bdi>{title}</bdi> — {groupLabel(heatmap.data.group)}
            {t('common.comma')}
            <bdi>{TRACSS.label}</bdi>
          </h2>
          <BasisNote
            source={heatmap.data.source}
            classification={heatmap.data.group.classification}
            survey={TRACSS.label}
          />
          {caseRow && caseRow.answered === 0 && (
            <NoAnswerNotice name={countryName(caseRow)} survey={TRACSS.label} caseStudy />
          )}
          <MapLegend counts={counts} showOutside={selection.groupType !== 'all'} />
          <ChoroplethMap
            fallback={<ChartPlaceholder label={t('map.loadingMap')} map />}
            rows={rows}
            caseStudy={caseStudy}
            label={t('map.label', {
              group: groupLabel(heatmap.data.group),
              indicator: title,
              a: counts.A,
              b: counts.B,
              c: counts.C,
              d: counts.D,
              e: counts.E,
              none: counts.none,
            })}
          />
          <details className="table-alternative" open>
            <summary>{t('map.sameAsTable')}</summary>
            <MapTable
              rows={rows}
              caseStudy={caseStudy}
              caption={t('map.caption', { indicator: title, group: groupLabel(heatmap.data.group) })}
            />
          </details>
        </section>
      )}
    </>
  );
}
