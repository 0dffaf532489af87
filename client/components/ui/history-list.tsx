import type { HistoryEntry } from '../../../shared';
import { useI18n } from '../../i18n/context';
import { HistoryChannelNote } from './history-parts';
import { HistoryEntries } from './history-table';

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
  const { t } = useI18n();
  return (
    <HistoryEntries
      items={items}
      caption={caption}
      compact={compact}
      line={(e, when) => (
        <>
          {when}, {e.user?.name ?? t('history.system')} <HistoryChannelNote channel={e.channel} />:{' '}
          {changedFields(e)
            .map((c) => `${c.field} ${c.from} → ${c.to}`)
            .join('; ')}
        </>
      )}
      cells={(e, when) => ({
        when,
        what: (
          <>
            {e.label}: {e.action}
          </>
        ),
        change: (
          <ul className="history__changes">
            {changedFields(e).map((c) => (
              <li key={c.field}>
                {c.field}: {c.from} → {c.to}
              </li>
            ))}
          </ul>
        ),
      })}
    />
  );
}
