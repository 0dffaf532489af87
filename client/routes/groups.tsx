import { Link } from 'react-router';
import { ErrorState } from '../components/ui/error-state';
import { LoadingState } from '../components/ui/loading-state';
import { useGroupHeatmap } from '../features/compare/api/get-heatmap';
import { BasisNote } from '../features/compare/components/basis-note';
import { BasisPicker } from '../features/compare/components/basis-picker';
import { BiggestMovers } from '../features/compare/components/biggest-movers';
import { CaseStudyPicker } from '../features/compare/components/case-study-picker';
import { CompareNav } from '../features/compare/components/compare-nav';
import { GroupPicker } from '../features/compare/components/group-picker';
import { LevelCountTable } from '../features/compare/components/level-count-table';
import { NoAnswerNotice } from '../features/compare/components/no-answer-notice';
import {
  caseParam,
  type GroupSelection,
  isClassified,
  isComplete,
  viewSearch,
} from '../features/compare/group-params';
import { useGroupLabel } from '../features/compare/use-group-label';
import { useGroupParams } from '../features/compare/use-group-params';
import { useRounds } from '../features/rounds/api/get-rounds';
import { useI18n } from '../i18n/context';
import { useCountryName } from '../i18n/countries';
import { TRACSS } from '../lib/tracss';

const FALLBACK: GroupSelection = { groupType: 'who_region', group: 'EMR' };

/** View 4: a facilitator's dashboard of a group — level counts per indicator, who did not answer. */
export function GroupsPage() {
  const { selection, caseStudy, basis, setSelection, setValues, setBasis } = useGroupParams(FALLBACK);
  // Published answers; the classification of WHO-region and income groups is a choice.
  const keep = { classification: basis.classification };
  const ready = isComplete(selection);
  const { t, formatNumber } = useI18n();
  const countryName = useCountryName();
  const groupLabel = useGroupLabel();
  const heatmap = useGroupHeatmap(selection, { classification: basis.classification });
  const data = heatmap.data;
  const silent = data?.countries.filter((c) => c.answered === 0) ?? [];
  const answered = (data?.countries.length ?? 0) - silent.length;
  const rounds = useRounds();
  const latest = rounds.data?.items.filter((r) => r.code !== TRACSS.framework).at(-1);
  const caseRow = data?.countries.find((c) => c.iso3 === caseStudy);
  const caseName = caseRow ? countryName(caseRow) : caseStudy;

  return (
    <>
      <title>{t('app.titleSuffix', { page: t('groups.title') })}</title>
      <h1>{t('groups.title')}</h1>
      <CompareNav selection={selection} caseStudy={caseStudy} basis={basis} />
      <GroupPicker value={selection} onChange={setSelection} />
      <CaseStudyPicker value={caseStudy} onChange={(c) => setValues({ case: caseParam(c) })} hint />
      <BasisPicker basis={basis} onChange={setBasis} classification={isClassified(selection)} />
      {!ready ? (
        <p className="notice">{t('cmp.addOne')}</p>
      ) : heatmap.isPending ? (
        <LoadingState label={t('groups.loading')} rows={6} />
      ) : heatmap.isError || !data ? (
        <ErrorState
          title={t('groups.loadError')}
          error={heatmap.error}
          onRetry={() => void heatmap.refetch()}
        />
      ) : (
        <>
          <BasisNote source={data.source} classification={data.group.classification} survey={TRACSS.label} />
          {caseRow && caseRow.answered === 0 && (
            <NoAnswerNotice name={countryName(caseRow)} survey={TRACSS.label} caseStudy />
          )}
          <section className="stats" aria-label={t('groups.summary')}>
            <div className="stat">
              <span className="stat__value">{formatNumber(data.countries.length)}</span>
              <span className="stat__label">{t('groups.members', { group: groupLabel(data.group) })}</span>
            </div>
            <div className="stat">
              <span className="stat__value">{formatNumber(answered)}</span>
              <span className="stat__label">{t('home.answeredStat', { survey: TRACSS.label })}</span>
            </div>
            <div className="stat">
              <span className="stat__value">{formatNumber(silent.length)}</span>
              <span className="stat__label">{t('groups.without')}</span>
            </div>
          </section>
          <ul className="link-list">
            <li>
              <Link to={{ pathname: '/compare/heatmap', search: viewSearch(selection, caseStudy, {}, keep) }}>
                {t('groups.heatmapLink')}
              </Link>
            </li>
            <li>
              <Link
                to={{
                  pathname: '/compare',
                  search: viewSearch(selection, caseStudy, { country: caseStudy ?? 'JOR' }, keep),
                }}
              >
                {t('groups.countryLink', { name: caseName ?? t('groups.aCountry') })}
              </Link>
            </li>
            <li>
              <Link to={{ pathname: '/compare/map', search: viewSearch(selection, caseStudy, {}, keep) }}>
                {t('groups.mapLink')}
              </Link>
            </li>
          </ul>
          <section className="section" aria-label={t('groups.levelsSection')}>
            <h2>{t('groups.levelsTitle')}</h2>
            <LevelCountTable
              indicators={data.indicators}
              members={data.countries.length}
              caption={t('groups.levelsCaption', { group: groupLabel(data.group), survey: TRACSS.label })}
              mapSearch={(code) => viewSearch(selection, caseStudy, { indicator: code }, keep)}
            />
          </section>
          {latest ? (
            <BiggestMovers
              from={TRACSS.framework}
              to={latest.code}
              toLabel={latest.name}
              selection={selection}
              caseStudy={caseStudy}
              classification={basis.classification}
            />
          ) : (
            <p className="muted small">{t('groups.needSecond', { survey: TRACSS.label })}</p>
          )}
          <section className="section" aria-label={t('groups.withoutSection')}>
            <h2>{t('groups.withoutTitle', { count: silent.length })}</h2>
            {silent.length === 0 ? (
              <p>{t('groups.everyAnswered', { survey: TRACSS.label })}</p>
            ) : (
              <ul className="inline-list">
                {silent.map((c) => (
                  <li key={c.iso3}>
                    <Link to={`/countries/${c.iso3}`}>{countryName(c)}</Link>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </>
  );
}
