import { type CompareRow, LEVELS, type Level } from '../../../../shared';
import { LevelBadge } from '../../../components/ui/level-badge';
import { formatRange, formatRank, formatScore } from '../format';

function LevelCell({ level }: { level: Level | null | undefined }) {
  return <td>{level ? <LevelBadge level={level} /> : 'No answer'}</td>;
}

/** A country against a group, indicator by indicator: the accessible twin of the charts. */
export function GroupCompareTable({
  rows,
  countryName,
  groupLabel,
  caseStudy,
}: {
  rows: readonly CompareRow[];
  countryName: string;
  groupLabel: string;
  /** The pinned case-study country, when it is not the compared country itself. */
  caseStudy?: { name: string; levels: ReadonlyMap<string, Level | null> } | undefined;
}) {
  return (
    <div className="table-scroll">
      <table className="table table--compact">
        <caption>
          {countryName} compared with the {groupLabel}: level counts, median, quartiles, rank and percentile
        </caption>
        <thead>
          <tr>
            <th scope="col">Indicator</th>
            <th scope="col">{countryName}</th>
            {caseStudy && <th scope="col">{caseStudy.name} (case study)</th>}
            {LEVELS.map((l) => (
              <th scope="col" key={l} className="num">
                {l}
              </th>
            ))}
            <th scope="col" className="num">
              n
            </th>
            <th scope="col">Median</th>
            <th scope="col">Q1–Q3</th>
            <th scope="col">Rank</th>
            <th scope="col" className="num">
              Percentile
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.indicator.id}>
              <th scope="row">
                <code>{r.indicator.code}</code> <span className="small">{r.indicator.name}</span>
              </th>
              <LevelCell level={r.countryLevel} />
              {caseStudy && <LevelCell level={caseStudy.levels.get(r.indicator.code)} />}
              {LEVELS.map((l) => (
                <td key={l} className="num">
                  {r.stats.distribution[l]}
                </td>
              ))}
              <td className="num">{r.stats.n}</td>
              <td>{formatScore(r.stats.median)}</td>
              <td className="nowrap">{formatRange(r.stats.q1, r.stats.q3)}</td>
              <td className="nowrap">{formatRank(r)}</td>
              <td className="num">{r.percentile === null ? '—' : `${r.percentile} %`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
