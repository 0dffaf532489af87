import type { SharedIndicatorResult } from '../../../../shared';
import { PROGRESS_LABELS } from '../../../components/charts/target-chart-data';

type Amount = { value: number | null; level: string | null } | null;

/** A level letter, or the number with its unit; "—" when there is none. */
export function formatIndicatorAmount(a: Amount, unit: string | null): string {
  if (!a) return '—';
  if (a.level) return a.level;
  if (a.value === null) return '—';
  const n = new Intl.NumberFormat('en', { maximumFractionDigits: 2 }).format(a.value);
  return unit === '%' ? `${n} %` : unit ? `${n} ${unit}` : n;
}

const DIRECTION = { increase: 'increase', decrease: 'decrease', maintain: 'maintain' } as const;

/** The chart's numbers as a table: one row per country whose plan tracks the indicator. */
export function SharedIndicatorTable({ data, caption }: { data: SharedIndicatorResult; caption: string }) {
  const unit = data.indicator.unit;
  return (
    <table className="table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Country (plan)</th>
          <th scope="col">Latest value</th>
          <th scope="col">Baseline</th>
          <th scope="col">Target in force</th>
          <th scope="col">% of target</th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {data.rows.map((r) => {
          const { latest, target, percentOfTarget, status } = r.progress;
          return (
            <tr key={r.iso3}>
              <th scope="row">
                {r.name}{' '}
                <span className="muted small">
                  ({r.plan.title}
                  {r.plan.title.includes(String(r.plan.periodStart))
                    ? ''
                    : `, ${r.plan.periodStart}–${r.plan.periodEnd}`}
                  {r.plan.status === 'draft' ? ', draft' : ''})
                </span>
              </th>
              <td>{latest ? `${formatIndicatorAmount(latest, unit)} (${latest.periodCode})` : '—'}</td>
              <td>{r.baseline ? `${formatIndicatorAmount(r.baseline, unit)} (${r.baseline.year})` : '—'}</td>
              <td>
                {target
                  ? `${formatIndicatorAmount(target, unit)} by ${target.year}, ${DIRECTION[r.direction]}`
                  : '—'}{' '}
                {r.illustrative && (
                  <span className="badge badge--illustrative" title="Demo data, not published">
                    Illustrative
                  </span>
                )}
              </td>
              <td>{percentOfTarget === null ? '—' : `${percentOfTarget} %`}</td>
              <td>
                <span className={`badge badge--${status}`}>{PROGRESS_LABELS[status]}</span>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
