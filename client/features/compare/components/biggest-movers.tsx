import { Link } from 'react-router';
import { useChange } from '../api/get-change';
import { type GroupSelection, groupQuery, viewSearch } from '../group-params';

const MAX_MOVERS = 10;

/** The members that moved most between two rounds (net level steps over comparable questions). */
export function BiggestMovers({
  from,
  to,
  toLabel,
  selection,
  caseStudy,
}: {
  from: string;
  to: string;
  toLabel: string;
  selection: GroupSelection;
  caseStudy: string | null;
}) {
  const change = useChange({ from, to, ...groupQuery(selection) });
  const movers = (change.data?.movers ?? []).filter((m) => m.net !== 0).slice(0, MAX_MOVERS);
  return (
    <section className="section" aria-labelledby="movers-heading">
      <h2 id="movers-heading">Biggest movers up to {toLabel}</h2>
      {change.isPending ? (
        <p>Loading …</p>
      ) : change.isError ? (
        <p role="alert">Could not load the change: {change.error.message}</p>
      ) : movers.length === 0 ? (
        <p>No member changed level on a comparable question.</p>
      ) : (
        <table className="table">
          <caption>Net level steps over the comparable questions (C → E = +2)</caption>
          <thead>
            <tr>
              <th scope="col">Country</th>
              <th scope="col">Net</th>
              <th scope="col">Improved</th>
              <th scope="col">Regressed</th>
            </tr>
          </thead>
          <tbody>
            {movers.map((m) => (
              <tr key={m.iso3}>
                <th scope="row">
                  <Link to={`/countries/${m.iso3}`}>{m.name}</Link>
                </th>
                <td>{m.net > 0 ? `+${m.net}` : m.net}</td>
                <td>{m.improved}</td>
                <td>{m.regressed}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>
        <Link to={{ pathname: '/compare/change', search: viewSearch(selection, caseStudy, { from, to }) }}>
          Change between rounds, question by question
        </Link>
      </p>
    </section>
  );
}
