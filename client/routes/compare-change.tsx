import { useId } from 'react';
import type { ChangePair } from '../../shared';
import { CHANGE_LABELS, changeChartData, changeChartHeight } from '../../shared/charts/change-chart';
import {
  roundLevelBars,
  roundLevelsChartData,
  roundLevelsChartHeight,
} from '../../shared/charts/round-levels-chart';
import { CHANGE_KINDS } from '../../shared/constants/compare';
import { ChartPlaceholder } from '../components/ui/chart-placeholder';
import { ErrorState } from '../components/ui/error-state';
import { LoadingState } from '../components/ui/loading-state';
import { onDemand } from '../components/ui/on-demand';
import { useChange } from '../features/compare/api/get-change';
import { BasisNote } from '../features/compare/components/basis-note';
import { BasisPicker } from '../features/compare/components/basis-picker';
import { ChangeTable } from '../features/compare/components/change-table';
import { CompareNav } from '../features/compare/components/compare-nav';
import { GroupPicker } from '../features/compare/components/group-picker';
import { NotComparedList } from '../features/compare/components/not-compared-list';
import { RoundLevelsTable } from '../features/compare/components/round-levels-table';
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

const ChangeChart = onDemand(() => import('../components/charts/change-chart'));
const RoundLevelsChart = onDemand(() => import('../components/charts/round-levels-chart'));

/** A caution pair's mark in the charts' labels: the bars say it, not only the table. */
const cautionMark = (p: ChangePair, t: TFunction) =>
  p.comparability === 'caution' ? t('crosswalk.cautionShort') : '';

/**
 * The chart's series named in the interface language (the shared mapping names them in English), and
 * each caution pair's label marked.
 */
function translatedChangeData(pairs: readonly ChangePair[], t: TFunction) {
  const data = changeChartData(pairs);
  const kinds = new Map(CHANGE_KINDS.map((k) => [CHANGE_LABELS[k], k]));
  return {
    ...data,
    labels: data.labels.map((l, i) => {
      const mark = cautionMark(pairs[i] as ChangePair, t);
      return mark ? `${l} ${mark}` : l;
    }),
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
  const { t, formatPercent } = useI18n();
  const groupLabel = useGroupLabel();
  const { params, selection, caseStudy, basis, setSelection, setValues, setBasis } = useGroupParams(FALLBACK);
  const rounds = useRounds();
  const codes = (rounds.data?.items ?? []).map((r) => r.code);
  // A round the address names but the database does not hold (an old link): say so, show the default.
  const known = (code: string | null) => code !== null && (!rounds.isSuccess || codes.includes(code));
  const asked = { from: params.get('from'), to: params.get('to') };
  const from = known(asked.from) ? (asked.from as string) : TRACSS.framework;
  const to = known(asked.to) ? (asked.to as string) : (codes.filter((c) => c !== from).at(-1) ?? '');
  const unknown = rounds.isSuccess ? [asked.from, asked.to].filter((c) => c !== null && !known(c)) : [];
  const ready = rounds.isSuccess && isComplete(selection) && to !== '' && from !== to;
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
      {unknown.length > 0 && (
        <p className="notice" role="status">
          {t('change.unknownRound', { codes: unknown.join(', ') })}
        </p>
      )}
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
              {change.data.pairs.some((p) => p.comparability === 'caution') && (
                <p className="muted small">{t('change.cautionNote')}</p>
              )}
              <ChangeChart
                fallback={
                  <ChartPlaceholder
                    label={t('common.drawingChart')}
                    height={changeChartHeight(change.data.pairs.length)}
                  />
                }
                data={translatedChangeData(change.data.pairs, t)}
                label={t('change.chartLabel', { from: nameOf(from), to: nameOf(to) })}
              />
              <ChangeTable
                pairs={change.data.pairs}
                caption={t('change.caption', {
                  group: groupLabel(change.data.group),
                  from: nameOf(from),
                  to: nameOf(to),
                })}
              />
              <h3>{t('change.levelsTitle')}</h3>
              <RoundLevelsChart
                fallback={
                  <ChartPlaceholder
                    label={t('common.drawingChart')}
                    height={roundLevelsChartHeight(change.data.pairs.length * 2)}
                  />
                }
                data={roundLevelsChartData(
                  change.data.pairs,
                  { from: nameOf(from), to: nameOf(to) },
                  { levelWord: t('chart.levelWord'), mark: (p) => cautionMark(p, t) },
                )}
                bars={roundLevelBars(change.data.pairs)}
                axisTitle={t('change.sharesAxis')}
                segmentLabel={({ level, share, count, n }) =>
                  t('chart.segment', { level, share: formatPercent(share, 1), count, n })
                }
                label={t('change.levelsChartLabel', { from: nameOf(from), to: nameOf(to) })}
              />
              <RoundLevelsTable
                pairs={change.data.pairs}
                rounds={{ from: nameOf(from), to: nameOf(to) }}
                caption={t('change.levelsCaption', { group: groupLabel(change.data.group) })}
              />
            </>
          )}
          <NotComparedList pairs={change.data.notComparable} later={nameOf(to)} />
        </section>
      )}
    </>
  );
}
