import type { HistoryEntry } from '../../../shared';
import { useI18n } from '../../i18n/context';
import { HistoryChannelNote } from './history-parts';

const HIDDEN = new Set(['id', 'planId', 'version', 'updatedBy', 'illustrative']);

function show(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (Array.isArray(v))
    return v.length === 0
      ? '—'
      : v.map((x) => (typeof x === 'object' ? JSON.stringify(x) : String(x))).join(', ');
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** The fields an entry changed, old → new (every field of a creation or a deletion). */
export function changedFields(
  e: Pick<HistoryEntry, 'old' | 'new'>,
): { field: string; from: string; to: string }[] {
  const keys = new Set([...Object.keys(e.old ?? {}), ...Object.keys(e.new ?? {})]);
  return [...keys]
    .filter((k) => !HIDDEN.has(k))
    .map((k) => ({ field: k, from: show(e.old?.[k]), to: show(e.new?.[k]) }))
    .filter((c) => c.from !== c.to);
}

/** Who changed what, when, old → new: newest first. */
export function HistoryList({
  items,
  caption,
  compact = false,
}: {
  items: readonly HistoryEntry[];
  caption: string;
  /** A list for narrow places (a grid cell) instead of a table. */
  compact?: boolean;
}) {
  const { t, formatDate } = useI18n();
  const when = (at: string) => formatDate(at, { dateStyle: 'medium', timeStyle: 'short' });
  if (items.length === 0) return <p className="muted small">{t('history.none')}</p>;
  if (compact)
    return (
      <ul className="history-compact small" aria-label={caption}>
        {items.map((e) => (
          <li key={e.id}>
            {when(e.at)}, {e.user?.name ?? t('history.system')} <HistoryChannelNote channel={e.channel} />:{' '}
            {changedFields(e)
              .map((c) => `${c.field} ${c.from} → ${c.to}`)
              .join('; ')}
          </li>
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
          {items.map((e) => (
            <tr key={e.id}>
              <td>{when(e.at)}</td>
              <td>
                {e.user?.name ?? t('history.system')}
                <br />
                <HistoryChannelNote channel={e.channel} />
              </td>
              <td>
                {e.label}: {e.action}
              </td>
              <td>
                <ul className="history__changes">
                  {changedFields(e).map((c) => (
                    <li key={c.field}>
                      {c.field}: {c.from} → {c.to}
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
