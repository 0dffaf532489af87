import { type Plan, SECTOR_NAMES } from '../../../../shared';
import { ImplementationChart } from '../../../components/charts/implementation-chart';
import { formatRate } from '../format';

/** Implementation rate by objective and by One Health sector: bar charts, each with a table alternative. */
export function ImplementationSection({ plan }: { plan: Plan }) {
  const byObjective = plan.objectives.map((o) => ({
    label: `${o.code} ${o.title}`,
    rate: o.implementation.rate,
  }));
  const bySector = plan.implementation.bySector.map((s) => ({ label: SECTOR_NAMES[s.sector], rate: s.rate }));
  const illustrative = plan.activities.some((a) => a.illustrative);
  return (
    <section aria-labelledby="implementation-heading" className="section">
      <h2 id="implementation-heading">Implementation rate</h2>
      <p className="muted">{plan.implementation.rule}</p>
      {illustrative && (
        <p className="notice">
          <strong>Illustrative activities.</strong> The rates are computed from illustrative activities chosen
          to reproduce the published rates; the activities themselves are not the plan's.
        </p>
      )}
      <h3>By objective</h3>
      <ImplementationChart
        rows={byObjective}
        label={`Implementation rate by objective: ${byObjective.map((r) => `${r.label} ${formatRate(r.rate)}`).join('; ')}`}
        testId="implementation-by-objective"
      />
      <h3>By One Health sector</h3>
      <ImplementationChart
        rows={bySector}
        label={`Implementation rate by sector: ${bySector.map((r) => `${r.label} ${formatRate(r.rate)}`).join('; ')}`}
        testId="implementation-by-sector"
      />
      <details className="table-alternative">
        <summary>The rates by sector as a table</summary>
        <table className="table table--compact">
          <caption>Implementation rate by One Health sector</caption>
          <thead>
            <tr>
              <th scope="col">Sector</th>
              <th scope="col" className="num">
                Completed
              </th>
              <th scope="col" className="num">
                Ongoing
              </th>
              <th scope="col" className="num">
                Not started
              </th>
              <th scope="col" className="num">
                Cancelled
              </th>
              <th scope="col" className="num">
                Rate
              </th>
            </tr>
          </thead>
          <tbody>
            {plan.implementation.bySector.map((s) => (
              <tr key={s.sector}>
                <th scope="row">{SECTOR_NAMES[s.sector]}</th>
                <td className="num">{s.completed}</td>
                <td className="num">{s.ongoing}</td>
                <td className="num">{s.notStarted}</td>
                <td className="num">{s.cancelled}</td>
                <td className="num">{formatRate(s.rate)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
