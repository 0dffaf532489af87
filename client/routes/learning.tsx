import { useMemo } from 'react';
import { ErrorState } from '../components/ui/error-state';
import { LoadingState } from '../components/ui/loading-state';
import { CaseStudyPicker } from '../features/compare/components/case-study-picker';
import { GroupPicker } from '../features/compare/components/group-picker';
import { caseParam, type GroupSelection, groupQuery, isComplete } from '../features/compare/group-params';
import { useGroupParams } from '../features/compare/use-group-params';
import { useMeCompare } from '../features/me-profiles/api/get-me-compare';
import { useMeLearning } from '../features/me-profiles/api/get-me-learning';
import { ImplementationTable } from '../features/me-profiles/components/implementation-table';
import { LessonFilterBar, LessonsList } from '../features/me-profiles/components/lessons-list';
import { ProvenanceLegend } from '../features/me-profiles/components/provenance-mark';
import { SharedChallenges } from '../features/me-profiles/components/shared-challenges';
import { SideBySideTable } from '../features/me-profiles/components/side-by-side-table';
import { TracssLevelsTable } from '../features/me-profiles/components/tracss-levels-table';
import { lessonFiltersFrom } from '../features/me-profiles/lesson-filters';
import { FEW_COUNTRIES, onlyProfiledFrom, splitProfiled } from '../features/me-profiles/profiled';
import { useT } from '../i18n/context';
import { useCountryName } from '../i18n/countries';

const FALLBACK: GroupSelection = { groupType: 'who_region', group: 'EMR' };

/**
 * Peer learning: M&E system profiles side by side for a group (the case study first), the
 * challenges its countries share and the lessons they offer. Public layers only.
 */
export function LearningPage() {
  const t = useT();
  const { params, selection, caseStudy, setSelection, setValues } = useGroupParams(FALLBACK);
  const ready = isComplete(selection);
  const query = { ...groupQuery(selection), case: caseStudy ?? 'none' };
  const compare = useMeCompare(query, { enabled: ready });
  const learning = useMeLearning(query, { enabled: ready });
  const filters = lessonFiltersFrom(params);
  const countryName = useCountryName();
  const split = useMemo(
    () => (compare.data ? splitProfiled(compare.data, caseStudy) : undefined),
    [compare.data, caseStudy],
  );
  const members = compare.data?.countries.length ?? 0;
  const onlyProfiled = onlyProfiledFrom(params, members);
  const shown = useMemo(
    () =>
      compare.data && split && onlyProfiled ? { ...compare.data, countries: split.profiled } : compare.data,
    [compare.data, split, onlyProfiled],
  );

  return (
    <>
      <title>{t('app.titleSuffix', { page: t('learning.title') })}</title>
      <h1>{t('learning.title')}</h1>
      <p className="lede">{t('learning.lede')}</p>
      <GroupPicker value={selection} onChange={setSelection} />
      <CaseStudyPicker value={caseStudy} onChange={(iso3) => setValues({ case: caseParam(iso3) })} hint />
      {!ready ? (
        <p className="notice">{t('cmp.addOne')}</p>
      ) : (
        <>
          <section className="section" aria-labelledby="learning-side">
            <h2 id="learning-side">{t('learning.side')}</h2>
            {compare.isPending ? (
              <LoadingState label={t('learning.loading')} rows={6} />
            ) : compare.isError ? (
              <ErrorState
                title={t('learning.loadError')}
                error={compare.error}
                onRetry={() => void compare.refetch()}
              />
            ) : (
              <>
                <ProvenanceLegend />
                {split && split.without.length > 0 && (
                  <div className="profiled-filter">
                    <label className="checkbox">
                      <input
                        type="checkbox"
                        checked={onlyProfiled}
                        aria-describedby="learning-hidden"
                        onChange={(e) =>
                          // The default for the group's size stays out of the address.
                          setValues({
                            profiles:
                              e.target.checked === members > FEW_COUNTRIES
                                ? null
                                : e.target.checked
                                  ? 'only'
                                  : 'all',
                          })
                        }
                      />{' '}
                      {t('learning.onlyProfiled')}
                    </label>
                    <p id="learning-hidden" className="muted small" aria-live="polite">
                      {onlyProfiled
                        ? t('learning.hiddenCount', {
                            count: split.without.length,
                            list: split.without.map((c) => countryName(c)).join(t('common.comma')),
                          })
                        : ''}
                    </p>
                  </div>
                )}
                <SideBySideTable data={shown ?? compare.data} caseStudy={caseStudy} />
                <h3>{t('learning.tracss')}</h3>
                <TracssLevelsTable data={compare.data} />
                <h3>{t('learning.implementation')}</h3>
                <ImplementationTable data={compare.data} />
              </>
            )}
          </section>
          {learning.isPending ? (
            <LoadingState label={t('learning.loading')} rows={3} />
          ) : learning.isError ? (
            <ErrorState
              title={t('learning.loadError')}
              error={learning.error}
              onRetry={() => void learning.refetch()}
            />
          ) : (
            <>
              <section className="section" aria-labelledby="learning-challenges">
                <h2 id="learning-challenges">{t('learning.challenges')}</h2>
                <SharedChallenges data={learning.data} />
              </section>
              <section className="section" aria-labelledby="learning-lessons">
                <h2 id="learning-lessons">{t('learning.lessons')}</h2>
                <LessonFilterBar filters={filters} onChange={(key, value) => setValues({ [key]: value })} />
                <LessonsList data={learning.data} filters={filters} />
              </section>
            </>
          )}
        </>
      )}
    </>
  );
}
