import { lazy, Suspense, useId } from 'react';
import { changeChartData } from '../components/charts/change-chart-data';
import { ErrorState } from '../components/ui/error-state';
import { LoadingState } from '../components/ui/loading-state';
import { useChange } from '../features/compare/api/get-change';
import { ChangeTable } from '../features/compare/components/change-table';
import { CompareNav } from '../features/compare/components/compare-nav';
import { GroupPicker } from '../features/compare/components/group-picker';
import { type GroupSelection, groupQuery, isComplete } from '../features/compare/group-params';
import { useGroupParams } from '../features/compare/use-group-params';
import { useRounds } from '../features/rounds/api/get-rounds';
import { TRACSS } from '../lib/tracss';

const ChangeChart = lazy(() => import('../components/charts/change-chart'));
const FALLBACK: GroupSelection = { groupType: 'who_region', group: 'EMR' };

/** View 4: who improved, stayed, regressed or did not answer between two TrACSS rounds. */
export function CompareChangePage() {
  const id = useId();
  const { params, selection, caseStudy, setSelection, setValues } = useGroupParams(FALLBACK);
  const rounds = useRounds();
  const codes = (rounds.data?.items ?? []).map((r) => r.code);
  const from = params.get('from') ?? TRACSS.framework;
  const to = params.get('to') ?? codes.filter((c) => c !== from).at(-1) ?? '';
  const ready = isComplete(selection) && to !== '' && from !== to;
  const change = useChange({ from, to, ...groupQuery(selection) }, { enabled: ready });
  const nameOf = (code: string) => rounds.data?.items.find((r) => r.code === code)?.name ?? code;

  return (
    <>
      <title>Change between rounds — NAP Tracker</title>
      <h1>Change between rounds</h1>
      <CompareNav selection={selection} caseStudy={caseStudy} />
      <GroupPicker value={selection} onChange={setSelection} />
      {rounds.isSuccess && codes.length < 2 ? (
        <p className="notice">
          Change between rounds needs a second TrACSS round; only {nameOf(from)} is loaded.
        </p>
      ) : (
        <fieldset className="group-picker">
          <legend>Rounds</legend>
          {(['from', 'to'] as const).map((key) => (
            <div className="field" key={key}>
              <label htmlFor={`${id}-${key}`}>{key === 'from' ? 'Earlier round' : 'Later round'}</label>
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
        <LoadingState label="Loading the change …" rows={4} />
      ) : change.isError ? (
        <ErrorState
          title="Could not load the change"
          error={change.error}
          onRetry={() => void change.refetch()}
        />
      ) : (
        <section className="section" aria-labelledby="change-heading">
          <h2 id="change-heading">
            {change.data.group.label}: {nameOf(from)} → {nameOf(to)}
          </h2>
          {change.data.pairs.length === 0 ? (
            <p className="notice">The crosswalk has no comparable questions between these rounds.</p>
          ) : (
            <>
              <Suspense fallback={<LoadingState label="Drawing the chart …" rows={2} />}>
                <ChangeChart
                  data={changeChartData(change.data.pairs)}
                  label={`Members who improved, stayed, regressed or did not answer, per comparable question, ${nameOf(from)} to ${nameOf(to)}`}
                />
              </Suspense>
              <ChangeTable
                pairs={change.data.pairs}
                caption={`${change.data.group.label}: change per comparable question, ${nameOf(from)} → ${nameOf(to)}`}
              />
            </>
          )}
          {change.data.notComparable.length > 0 && (
            <p className="muted small">
              Not compared (the questions differ):{' '}
              {change.data.notComparable
                .map((p) => `${p.from} vs ${p.to}${p.note ? ` (${p.note})` : ''}`)
                .join('; ')}
              .
            </p>
          )}
        </section>
      )}
    </>
  );
}
