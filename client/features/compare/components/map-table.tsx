import { Link } from 'react-router';
import type { MapRow } from '../../../components/charts/map-data';
import { LevelBadge } from '../../../components/ui/level-badge';

/** The map as a table: every member and its level on the indicator. */
export function MapTable({
  rows,
  caption,
  caseStudy,
}: {
  rows: readonly MapRow[];
  caption: string;
  caseStudy: string | null;
}) {
  return (
    <div className="table-scroll">
      <table className="table table--compact">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Country</th>
            <th scope="col">Level</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.iso3} className={r.iso3 === caseStudy ? 'is-pinned' : undefined}>
              <th scope="row">
                <Link to={`/countries/${r.iso3}`}>{r.name}</Link>
                {r.iso3 === caseStudy && <span className="pin-tag">case study</span>}
              </th>
              <td>{r.level ? <LevelBadge level={r.level} /> : 'No answer'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
