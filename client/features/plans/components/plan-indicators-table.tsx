import type { Plan } from '../../../../shared';
import { formatAmount, PROGRESS_STATUS_NAMES } from '../format';
import { IllustrativeBadge } from './illustrative-badge';

export function PlanIndicatorsTable({ plan }: { plan: Plan }) {
  if (plan.indicators.length === 0) return <p className="notice">This plan tracks no indicator yet.</p>;
  const objectiveCode = new Map(plan.objectives.map((o) => [o.id, o.code]));
  return (
    <div className="table-scroll">
      <table className="table">
        <caption>Plan indicators: baseline, targets and progress</caption>
        <thead>
          <tr>
            <th scope="col">Indicator</th>
            <th scope="col">Objective</th>
            <th scope="col">Baseline</th>
            <th scope="col">Targets</th>
            <th scope="col">Latest value</th>
            <th scope="col" className="num">
              % of target
            </th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {plan.indicators.map((i) => (
            <tr key={i.id}>
              <th scope="row">
                {i.indicator.code} {i.indicator.name} {i.illustrative && <IllustrativeBadge />}
                <div className="muted small">
                  {i.indicator.national ? 'National indicator' : i.indicator.frameworkCode} · {i.direction}
                </div>
              </th>
              <td>{i.objectiveId ? objectiveCode.get(i.objectiveId) : '—'}</td>
              <td>
                {i.baseline ? `${formatAmount(i.baseline, i.indicator.unit)} (${i.baseline.year})` : 'None'}
              </td>
              <td>
                {i.targets.length === 0
                  ? 'None'
                  : i.targets.map((t) => (
                      <div key={t.year}>
                        {t.year}: {formatAmount(t, i.indicator.unit)}{' '}
                        {t.illustrative && <IllustrativeBadge />}
                      </div>
                    ))}
              </td>
              <td>
                {i.progress.latest
                  ? `${formatAmount(i.progress.latest, i.indicator.unit)} (${i.progress.latest.periodCode})`
                  : 'No data'}
              </td>
              <td className="num">
                {i.progress.percentOfTarget === null ? '—' : `${i.progress.percentOfTarget} %`}
              </td>
              <td>
                <span className={`badge badge--${i.progress.status}`}>
                  {PROGRESS_STATUS_NAMES[i.progress.status]}
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
