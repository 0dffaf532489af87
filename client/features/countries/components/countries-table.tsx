import { Link } from 'react-router';
import { type Country, INCOME_GROUP_NAMES, WHO_REGION_NAMES } from '../../../../shared';

export function CountriesTable({
  countries,
  respondents,
  answerLabel,
}: {
  countries: readonly Country[];
  /** ISO3 codes of countries that answered the survey; the column is hidden while unknown. */
  respondents?: ReadonlySet<string>;
  answerLabel: string;
}) {
  if (countries.length === 0) {
    return <p className="notice">No country matches these filters.</p>;
  }
  return (
    <div className="table-scroll">
      <table className="table">
        <caption className="visually-hidden">Countries and territories ({countries.length})</caption>
        <thead>
          <tr>
            <th scope="col">Country</th>
            <th scope="col">ISO3</th>
            <th scope="col">WHO region</th>
            <th scope="col">Income group</th>
            {respondents && <th scope="col">{answerLabel}</th>}
          </tr>
        </thead>
        <tbody>
          {countries.map((c) => (
            <tr key={c.iso3}>
              <th scope="row">
                <Link to={`/countries/${c.iso3}`}>{c.name}</Link>
              </th>
              <td>
                <code>{c.iso3}</code>
              </td>
              <td>{c.whoRegion ? WHO_REGION_NAMES[c.whoRegion] : '—'}</td>
              <td>{c.incomeGroup ? INCOME_GROUP_NAMES[c.incomeGroup] : '—'}</td>
              {respondents && <td>{respondents.has(c.iso3) ? 'Answered' : '—'}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
