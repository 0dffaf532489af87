import type { CompareRow } from '../../../../shared';
import { LevelBadge } from '../../../components/ui/level-badge';
import { ScrollTable } from '../../../components/ui/scroll-table';
import { useT } from '../../../i18n/context';
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
  const t = useT();
  const caption = t('cmp.caption', { country: countryName, group: groupLabel });
  return (
    <ScrollTable caption={caption}>
      <thead>
        <tr>
          <th scope="col">{t('cmp.col.indicator')}</th>
          <th scope="col">{countryName}</th>
          <th scope="col">{t('cmp.col.groupMedian')}</th>
          <th scope="col">{t('cmp.col.middleHalf')}</th>
          <th scope="col">{t('cmp.col.answering')}</th>
          <th scope="col">{t('cmp.col.rank')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.indicator.id}>
            <th scope="row">
              <code>{r.indicator.code}</code> {r.indicator.name}
            </th>
            <td>{r.countryLevel ? <LevelBadge level={r.countryLevel} /> : t('cmp.noAnswer')}</td>
            <td>{formatScore(r.stats.median)}</td>
            <td className="nowrap">{formatRange(r.stats.q1, r.stats.q3, t)}</td>
            <td>{r.stats.n}</td>
            <td className="nowrap">{formatRank(r, t)}</td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}
