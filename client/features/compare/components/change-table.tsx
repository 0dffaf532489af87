import type { ChangePair } from '../../../../shared';
import { CHANGE_KINDS } from '../../../../shared/constants/compare';
import { ComparabilityBadge } from '../../../components/ui/comparability-badge';
import { ScrollTable } from '../../../components/ui/scroll-table';
import { useI18n } from '../../../i18n/context';

/**
 * The chart's numbers as a table, with each member's two levels for whoever needs them, and how far
 * each pair compares: a caution pair carries its badge, and the note saying what changed under its name.
 */
export function ChangeTable({ pairs, caption }: { pairs: readonly ChangePair[]; caption: string }) {
  const { t, formatNumber } = useI18n();
  return (
    <ScrollTable caption={caption}>
      <thead>
        <tr>
          <th scope="col">{t('change.col.question')}</th>
          <th scope="col">{t('change.col.comparability')}</th>
          {CHANGE_KINDS.map((k) => (
            <th key={k} scope="col">
              {t(`change.${k}`)}
            </th>
          ))}
          <th scope="col">{t('change.col.who')}</th>
        </tr>
      </thead>
      <tbody>
        {pairs.map((p) => (
          <tr key={`${p.from.id}-${p.to.id}`}>
            <th scope="row">
              {p.from.code} → {p.to.code} <span lang="en">{p.to.name}</span>
              {p.comparability === 'caution' && p.note && (
                <span className="small crosswalk-note" lang="en">
                  {' '}
                  {p.note}
                </span>
              )}
            </th>
            <td>
              <ComparabilityBadge comparability={p.comparability} />
            </td>
            {CHANGE_KINDS.map((k) => (
              <td key={k}>{formatNumber(p.counts[k])}</td>
            ))}
            <td>
              {p.countries
                .filter((c) => c.change === 'improved' || c.change === 'regressed')
                .map((c) => `${c.iso3} ${c.from}→${c.to}`)
                .join(', ') || '—'}
            </td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}
