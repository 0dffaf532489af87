import { useMemo } from 'react';
import { Link } from 'react-router';
import { ErrorState } from '../components/ui/error-state';
import { LoadingState } from '../components/ui/loading-state';
import { useGroupHeatmap } from '../features/compare/api/get-heatmap';
import { BasisNote } from '../features/compare/components/basis-note';
import { BasisPicker } from '../features/compare/components/basis-picker';
import { CaseStudyPicker } from '../features/compare/components/case-study-picker';
import { CompareNav } from '../features/compare/components/compare-nav';
import { GroupPicker } from '../features/compare/components/group-picker';
import { HeatmapTable } from '../features/compare/components/heatmap-table';
import { NoAnswerNotice } from '../features/compare/components/no-answer-notice';
import {
  basisParams,
  caseParam,
  type GroupSelection,
  groupQuery,
  isClassified,
  isComplete,
} from '../features/compare/group-params';
import { sortFromSearchParams, sortHeatmapRows } from '../features/compare/heatmap-sort';
import { useCaseStudyRow } from '../features/compare/use-case-study-row';
import { useGroupLabel } from '../features/compare/use-group-label';
import { useGroupParams } from '../features/compare/use-group-params';
import { CompareExportMenu } from '../features/exports/components/compare-export-menu';
import { useI18n } from '../i18n/context';
import { useCountryName } from '../i18n/countries';
import { TRACSS } from '../lib/tracss';

const FALLBACK: GroupSelection = { groupType: 'who_region', group: 'EMR' };

/** View 2: countries × A–E indicators of a group, sortable by country, region and score. */
export function CompareHeatmapPage() {
  const { params, selection, caseStudy, basis, setSelection, setValues, setBasis } = useGroupParams(FALLBACK);
  const sort = sortFromSearchParams(params);
  const { t } = useI18n();
  const countryName = useCountryName();
  const groupLabel = useGroupLabel();
  const ready = isComplete(selection);
  const heatmap = useGroupHeatmap(selection, basis);
  const pin = useCaseStudyRow(heatmap.data, caseStudy, TRACSS.period, basis.source);
  const answered = useMemo(
    () =>
      sortHeatmapRows(
        (heatmap.data?.countries ?? []).filter((c) => c.answered > 0 && c.iso3 !== caseStudy),
        sort,
      ),
    [heatmap.data, sort, caseStudy],
  );
  const silent = heatmap.data?.countries.filter((c) => c.answered === 0) ?? [];
  const pinned = pin.row && pin.row.answered > 0 ? pin.row : undefined;

  return (
    <>
      <title>{t('app.titleSuffix', { page: t('heatmap.title') })}</title>
      <h1>{t('heatmap.h1')}</h1>
      <CompareExportMenu query={groupQuery(selection)} caseStudy={caseStudy} basis={basisParams(basis)} />
      <CompareNav selection={selection} caseStudy={caseStudy} basis={basis} />
      <GroupPicker value={selection} onChange={setSelection} />
      <CaseStudyPicker value={caseStudy} onChange={(c) => setValues({ case: caseParam(c) })} hint />
      <BasisPicker basis={basis} onChange={setBasis} data classification={isClassified(selection)} />
      {!ready ? (
        <p className="notice">{t('cmp.addOne')}</p>
      ) : heatmap.isPending ? (
        <LoadingState label={t('heatmap.loading')} rows={6} />
      ) : heatmap.isError ? (
        <ErrorState
          title={t('heatmap.loadError')}
          error={heatmap.error}
          onRetry={() => void heatmap.refetch()}
        />
      ) : (
        <section className="section" aria-labelledby="heatmap-heading">
          <h2 id="heatmap-heading">
            {groupLabel(heatmap.data.group)}
            {t('common.comma')}
            <bdi>{TRACSS.label}</bdi>
          </h2>
          <BasisNote
            source={heatmap.data.source}
            classification={heatmap.data.group.classification}
            survey={TRACSS.label}
          />
          {pin.row && pin.row.answered === 0 && (
            <NoAnswerNotice
              name={countryName(pin.row)}
              survey={TRACSS.label}
              national={heatmap.data.source === 'national'}
              caseStudy
            />
          )}
          <p className="muted" aria-live="polite">
            {heatmap.isPlaceholderData
              ? t('common.updating')
              : t(heatmap.data.source === 'national' ? 'heatmap.reported' : 'heatmap.answered', {
                  answered: answered.length + (pin.member && pinned ? 1 : 0),
                  members: heatmap.data.countries.length,
                  survey: TRACSS.label,
                })}
            {pinned && !pin.member && t('heatmap.pinnedOutside', { name: countryName(pinned) })}
          </p>
          <HeatmapTable
            indicators={heatmap.data.indicators}
            rows={answered}
            pinned={pinned}
            sort={sort}
            onSort={(s) => setValues({ sort: s.key, dir: s.dir })}
            caption={t('heatmap.caption', { group: groupLabel(heatmap.data.group), survey: TRACSS.label })}
          />
          {silent.length > 0 && (
            <p>
              <strong>{t('heatmap.noAnswer', { count: silent.length })}</strong>{' '}
              {silent.map((c, i) => (
                <span key={c.iso3}>
                  {i > 0 && ', '}
                  <Link to={`/countries/${c.iso3}`}>{countryName(c)}</Link>
                </span>
              ))}
            </p>
          )}
        </section>
      )}
    </>
  );
}
