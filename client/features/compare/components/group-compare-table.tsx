import type { CompareRow } from '../../../../shared';
import { LEVELS, type Level } from '../../../../shared/constants/level';
import { LevelBadge } from '../../../components/ui/level-badge';
import { useI18n, useT } from '../../../i18n/context';
import { formatRange, formatRank, formatScore } from '../format';

function LevelCell({ level }: { level: Level | null | undefined }) {
  const t = useT();
  return <td>{level ? <LevelBadge level={level} /> : t('cmp.noAnswer')}</td>;
}

/** A country against a group, indicator by indicator: the accessible twin of the charts. */
export function GroupCompareTable({
  rows,
  countryName,
  groupLabel,
  caseStudy,
}: {
  rows: readonly CompareRow[];
  /** Null when the country did not answer the round: the group alone, no rank or percentile. */
  countryName: string | null;
  groupLabel: string;
  /** The pinned case-study country, when it is not the compared country itself. */
  caseStudy?: { name: string; levels: ReadonlyMap<string, Level | null> } | undefined;
}) {
  const t = useT();
  const { formatNumber, formatPercent } = useI18n();
  return (
    <div className="table-scroll">
      <table className="table table--compact">
        <caption>
          {countryName === null
            ? t('cmp.captionGroup', { group: groupLabel })
            : t('cmp.captionFull', { country: countryName, group: groupLabel })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('cmp.col.indicator')}</th>
            {countryName !== null && <th scope="col">{countryName}</th>}
            {caseStudy && <th scope="col">{t('cmp.caseStudyCol', { name: caseStudy.name })}</th>}
            {LEVELS.map((l) => (
              <th scope="col" key={l} className="num">
                {l}
              </th>
            ))}
            <th scope="col" className="num">
              n
            </th>
            <th scope="col">{t('cmp.col.median')}</th>
            <th scope="col">Q1–Q3</th>
            {countryName !== null && (
              <>
                <th scope="col">{t('cmp.col.rank')}</th>
                <th scope="col" className="num">
                  {t('cmp.col.percentile')}
                </th>
              </>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.indicator.id}>
              <th scope="row">
                <code>{r.indicator.code}</code> <span className="small">{r.indicator.name}</span>
              </th>
              {countryName !== null && <LevelCell level={r.countryLevel} />}
              {caseStudy && <LevelCell level={caseStudy.levels.get(r.indicator.code)} />}
              {LEVELS.map((l) => (
                <td key={l} className="num">
                  {formatNumber(r.stats.distribution[l])}
                </td>
              ))}
              <td className="num">{formatNumber(r.stats.n)}</td>
              <td>{formatScore(r.stats.median)}</td>
              <td className="nowrap">{formatRange(r.stats.q1, r.stats.q3, t)}</td>
              {countryName !== null && (
                <>
                  <td className="nowrap">{formatRank(r, t)}</td>
                  <td className="num">{r.percentile === null ? '—' : formatPercent(r.percentile, 1)}</td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
