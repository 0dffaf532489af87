import { Link } from 'react-router';
import type { HeatmapIndicator } from '../../../../shared';
import { LEVELS } from '../../../../shared/constants/level';
import { useT } from '../../../i18n/context';
import { formatRange, formatScore } from '../format';

/** Per indicator: how many members at each level, how many answered, median; links into the map. */
export function LevelCountTable({
  indicators,
  members,
  caption,
  mapSearch,
}: {
  indicators: readonly HeatmapIndicator[];
  members: number;
  caption: string;
  /** Search string of the map view, without the indicator. */
  mapSearch: (indicatorCode: string) => string;
}) {
  const t = useT();
  return (
    <div className="table-scroll">
      <table className="table table--compact">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('cmp.col.indicator')}</th>
            {LEVELS.map((l) => (
              <th scope="col" key={l} className="num">
                {l}
              </th>
            ))}
            <th scope="col" className="num">
              {t('cmp.col.answered')}
            </th>
            <th scope="col" className="num">
              {t('cmp.noAnswer')}
            </th>
            <th scope="col">{t('cmp.col.median')}</th>
            <th scope="col">Q1–Q3</th>
            <th scope="col">{t('cmp.col.map')}</th>
          </tr>
        </thead>
        <tbody>
          {indicators.map((ind) => (
            <tr key={ind.id}>
              <th scope="row">
                <code>{ind.code}</code> <span className="small">{ind.name}</span>
              </th>
              {LEVELS.map((l) => (
                <td key={l} className={`num count count--${ind.stats.distribution[l] ? l : 'zero'}`}>
                  {ind.stats.distribution[l]}
                </td>
              ))}
              <td className="num">{ind.stats.n}</td>
              <td className="num">{members - ind.stats.n}</td>
              <td>{formatScore(ind.stats.median)}</td>
              <td className="nowrap">{formatRange(ind.stats.q1, ind.stats.q3, t)}</td>
              <td>
                <Link
                  to={{ pathname: '/compare/map', search: mapSearch(ind.code) }}
                  aria-label={t('cmp.mapOf', { code: ind.code })}
                >
                  {t('cmp.col.map')}
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
