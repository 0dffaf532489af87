import { GAP_OBJECTIVES, type Plan } from '../../../../shared';
import { formatMoney, formatRate } from '../format';
import { IllustrativeBadge } from './illustrative-badge';

/** Strategic objectives: GAP objective, budget and implementation rate (also the chart's table alternative). */
export function ObjectivesTable({ plan }: { plan: Plan }) {
  return (
    <div className="table-scroll">
      <table className="table">
        <caption>Strategic objectives, budget and implementation rate</caption>
        <thead>
          <tr>
            <th scope="col">Code</th>
            <th scope="col">Objective</th>
            <th scope="col">GAP objective</th>
            <th scope="col" className="num">
              Budget
            </th>
            <th scope="col" className="num">
              Activities counted
            </th>
            <th scope="col" className="num">
              Implementation rate
            </th>
          </tr>
        </thead>
        <tbody>
          {plan.objectives.map((o) => (
            <tr key={o.id}>
              <th scope="row">{o.code}</th>
              <td>
                {o.title} {o.illustrative && <IllustrativeBadge />}
              </td>
              <td>{o.gapObjective ? `${o.gapObjective}. ${GAP_OBJECTIVES[o.gapObjective as 1]}` : '—'}</td>
              <td className="num">{formatMoney(o.budget, o.currency)}</td>
              <td className="num">{o.implementation.counted}</td>
              <td className="num">{formatRate(o.implementation.rate)}</td>
            </tr>
          ))}
        </tbody>
        {plan.budget && (
          <tfoot>
            <tr>
              <th scope="row" colSpan={3}>
                Total
              </th>
              <td className="num">{formatMoney(plan.budget.total, plan.budget.currency)}</td>
              <td className="num">{plan.implementation.overall.counted}</td>
              <td className="num">{formatRate(plan.implementation.overall.rate)}</td>
            </tr>
          </tfoot>
        )}
      </table>
    </div>
  );
}
