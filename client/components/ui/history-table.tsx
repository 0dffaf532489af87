import type { ReactNode } from 'react';
import type { HistoryChannel } from '../../../shared';
import { useI18n } from '../../i18n/context';
import { HistoryChannelNote } from './history-parts';

/** What every history entry says of itself: who made it, and through which channel. */
interface HistoryRow {
  id: number | string;
  at: string;
  user: { name: string } | null;
  channel: HistoryChannel | null;
}

/**
 * History entries, newest first: "none" when there are none, a list for narrow places (`compact`, each
 * item from `line`), else a table of when, who (and through which channel), what and the change, the
 * other cells from `cells`. Both get the entry's time as the reader's language writes it.
 */
export function HistoryEntries<E extends HistoryRow>({
  items,
  caption,
  compact,
  line,
  cells,
}: {
  items: readonly E[];
  caption: string;
  compact: boolean;
  line: (e: E, when: string) => ReactNode;
  cells: (e: E, when: string) => { when: ReactNode; what: ReactNode; change: ReactNode };
}) {
  const { t, formatDate } = useI18n();
  const when = (at: string) => formatDate(at, { dateStyle: 'medium', timeStyle: 'short' });
  if (items.length === 0) return <p className="muted small">{t('history.none')}</p>;
  if (compact)
    return (
      <ul className="history-compact small" aria-label={caption}>
        {items.map((e) => (
          <li key={e.id}>{line(e, when(e.at))}</li>
        ))}
      </ul>
    );
  return (
    <div className="table-scroll">
      <table className="table table--compact history">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('history.col.when')}</th>
            <th scope="col">{t('history.col.who')}</th>
            <th scope="col">{t('history.col.what')}</th>
            <th scope="col">{t('history.col.change')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((e) => {
            const c = cells(e, when(e.at));
            return (
              <tr key={e.id}>
                <td>{c.when}</td>
                <td>
                  {e.user?.name ?? t('history.system')}
                  <br />
                  <HistoryChannelNote channel={e.channel} />
                </td>
                <td>{c.what}</td>
                <td>{c.change}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
