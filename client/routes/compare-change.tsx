import { lazy, Suspense, useId } from 'react';
import { CHANGE_KINDS } from '../../shared/constants/compare';
import { CHANGE_LABELS, changeChartData } from '../components/charts/change-chart-data';
import { ErrorState } from '../components/ui/error-state';
import { LoadingState } from '../components/ui/loading-state';
import { useChange } from '../features/compare/api/get-change';
import { BasisNote } from '../features/compare/components/basis-note';
import { BasisPicker } from '../features/compare/components/basis-picker';
import { ChangeTable } from '../features/compare/components/change-table';
import { CompareNav } from '../features/compare/components/compare-nav';
import { GroupPicker } from '../features/compare/components/group-picker';
import {
  basisParams,
  type GroupSelection,
  groupQuery,
  isClassified,
  isComplete,
} from '../features/compare/group-params';
import { useGroupLabel } from '../features/compare/use-group-label';
import { useGroupParams } from '../features/compare/use-group-params';
import { CompareExportMenu } from '../features/exports/components/compare-export-menu';
import { useRounds } from '../features/rounds/api/get-rounds';
import type { TFunction } from '../i18n/context';
import { useI18n } from '../i18n/context';
import { TRACSS } from '../lib/tracss';

const ChangeChart = lazy(() => import('../components/charts/change-chart'));

/** The chart's series named in the interface language (the shared mapping names them in English). */
function translatedChangeData(pairs: Parameters<typeof changeChartData>[0], t: TFunction) {
  const data = changeChartData(pairs);
  const kinds = new Map(CHANGE_KINDS.map((k) => [CHANGE_LABELS[k], k]));
  return {
    ...data,
    datasets: data.datasets.map((d) => {
      const kind = kinds.get(d.label);
      return kind ? { ...d, label: t(`change.${kind}`) } : d;
    }),
  };
}
const FALLBACK: GroupSelection = { groupType: 'who_region', group: 'EMR' };

/** View 4: who improved, stayed, regressed or did not answer between two TrACSS rounds. */
export function CompareChangePage() {
  const id = useId();
  const { t } = useI18n();
  const groupLabel = useGroupLabel();
  const { params, selection, caseStudy, basis, setSelection, setValues, setBasis } = useGroupParams(FALLBACK);
  const rounds = useRounds();
  const codes = (rounds.data?.items ?? []).map((r) => r.code);
  const from = params.get('from') ?? TRACSS.framework;
  const to = params.get('to') ?? codes.filter((c) => c !== from).at(-1) ?? '';
  const ready = isComplete(selection) && to !== '' && from !== to;
  const change = useChange(
    { from, to, ...groupQuery(selection), classification: basis.classification },
    { enabled: ready },
  );
  const nameOf = (code: string) => rounds.data?.items.find((r) => r.code === code)?.name ?? code;

  return (
    <>
      <title>{t('app.titleSuffix', { page: t('change.title') })}</title>
      <h1>{t('change.title')}</h1>
      <CompareExportMenu
        query={groupQuery(selection)}
        caseStudy={caseStudy}
        basis={basisParams({ classification: basis.classification })}
      />
      <CompareNav selection={selection} caseStudy={caseStudy} basis={basis} />
      <GroupPicker value={selection} onChange={setSelection} />
      <BasisPicker basis={basis} onChange={setBasis} classification={isClassified(selection)} />
      {rounds.isSuccess && codes.length < 2 ? (
        <p className="notice">{t('change.needSecond', { round: nameOf(from) })}</p>
      ) : (
        <fieldset className="group-picker">
          <legend>{t('change.rounds')}</legend>
          {(['from', 'to'] as const).map((key) => (
            <div className="field" key={key}>
              <label htmlFor={`${id}-${key}`}>
                {key === 'from' ? t('change.earlier') : t('change.later')}
              </label>
              <select
                id={`${id}-${key}`}
                value={key === 'from' ? from : to}
                onChange={(e) => setValues({ [key]: e.target.value })}
              >
                {codes.map((c) => (
                  <option key={c} value={c}>
                    {nameOf(c)}
                  </option>
                ))}
              </select>
            </div>
          ))}
        </fieldset>
      )}
      {!ready ? null : change.isPending ? (
        <LoadingState label={t('change.loading')} rows={4} />
      ) : change.isError ? (
        <ErrorState
          title={t('change.loadError')}
          error={change.error}
          onRetry={() => void change.refetch()}
        />
      ) : (
        <section className="section" aria-labelledby="change-heading">
          <h2 id="change-heading">
            {groupLabel(change.data.group)}: {nameOf(from)} → {nameOf(to)}
          </h2>
          <BasisNote
            classification={change.data.group.classification}
            survey={nameOf(to)}
            rounds={{ from: nameOf(from), to: nameOf(to) }}
          />
          {change.data.pairs.length === 0 ? (
            <p className="notice">{t('change.noPairs')}</p>
          ) : (
            <>
              <Suspense fallback={<LoadingState label={t('common.drawingChart')} rows={2} />}>
                <ChangeChart
                  data={translatedChangeData(change.data.pairs, t)}
                  label={t('change.chartLabel', { from: nameOf(from), to: nameOf(to) })}
                />
              </Suspense>
              <ChangeTable
                pairs={change.data.pairs}
                caption={t('change.caption', {
                  group: groupLabel(change.data.group),
                  from: nameOf(from),
                  to: nameOf(to),
                })}
              />
            </>
          )}
          {change.data.notComparable.length > 0 && (
            <p className="muted small">
              {t('change.notCompared', {
                list: change.data.notComparable
                  .map((p) => `${p.from} vs ${p.to}${p.note ? ` (${p.note})` : ''}`)
                  .join('; '),
              })}
            </p>
          )}
        </section>
      )}
    </>
  );
}
