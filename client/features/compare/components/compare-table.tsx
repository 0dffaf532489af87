import type { CompareRow } from '../../../../shared';
import { LevelBadge } from '../../../components/ui/level-badge';
import { formatRange, formatRank, formatScore } from '../format';

/** The chart's numbers as a table: the accessible (and printable) alternative. */
export function CompareTable({
  rows,
  countryName,
  groupLabel,
}: {
  rows: readonly CompareRow[];
  countryName: string;
  groupLabel: string;
}) {
  return (
    <div className="table-scroll">
      <table className="table">
        <caption>
          {countryName} compared with the {groupLabel}
        </caption>
        <thead>
          <tr>
            <th scope="col">Indicator</th>
            <th scope="col">{countryName}</th>
            <th scope="col">Group median</th>
            <th scope="col">Middle half (Q1–Q3)</th>
            <th scope="col">Countries answering (n)</th>
            <th scope="col">Rank</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.indicator.id}>
              <th scope="row">
                <code>{r.indicator.code}</code> {r.indicator.name}
              </th>
              <td>{r.countryLevel ? <LevelBadge level={r.countryLevel} /> : 'No answer'}</td>
              <td>{formatScore(r.stats.median)}</td>
              <td className="nowrap">{formatRange(r.stats.q1, r.stats.q3)}</td>
              <td>{r.stats.n}</td>
              <td className="nowrap">{formatRank(r)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
