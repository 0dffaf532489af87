import type { HistorySubmissionRef, PeriodHistoryEntry } from '../../../../shared';
import {
  HistoryChannelNote,
  HistoryFieldChangeText,
  messageWith,
} from '../../../components/ui/history-parts';
import { HistoryEntries } from '../../../components/ui/history-table';
import { type I18n, useI18n } from '../../../i18n/context';

/** "Submission 2, after the return of 15 Apr 2021" (derived by the server from the workflow steps). */
function submissionText(s: HistorySubmissionRef, i18n: I18n): string {
  const { t, formatDate } = i18n;
  if (!s.after) return t('history.submission', { number: s.number });
  const date = formatDate(s.after.at, { dateStyle: 'medium' });
  return s.after.action === 'return'
    ? t('history.submission.afterReturn', { number: s.number, date })
    : t('history.submission.afterReopen', { number: s.number, date });
}

/** What happened: the indicator (code and name) and whether its value was new or changed, or the workflow step. */
function What({ e, showIndicator }: { e: PeriodHistoryEntry; showIndicator: boolean }) {
  const i18n = useI18n();
  const { t } = i18n;
  const ev = e.event;
  return (
    <>
      {ev.kind === 'value' ? (
        <>
          {showIndicator && (
            <>
              <strong>{ev.indicator.code}</strong> {ev.indicator.name}
              <br />
            </>
          )}
          {t(`history.value.${ev.action}`)}
        </>
      ) : (
        <>
          <strong>{t(`history.step.${ev.action}`)}</strong>
          {ev.reason && (
            <>
              <br />
              {messageWith(t, 'history.reason', { reason: <bdi>{ev.reason}</bdi> })}
            </>
          )}
        </>
      )}
      {e.submission && (
        <>
          <br />
          <span className="muted small">{submissionText(e.submission, i18n)}</span>
        </>
      )}
    </>
  );
}

function Changes({ e }: { e: PeriodHistoryEntry }) {
  if (e.event.kind !== 'value' || e.event.changes.length === 0) return null;
  return (
    <ul className="history__changes">
      {e.event.changes.map((c) => (
        <li key={c.field}>
          <HistoryFieldChangeText change={c} />
        </li>
      ))}
    </ul>
  );
}

/**
 * A period's history, newest first: when, who and through which channel, what (the indicator, the
 * workflow step, the submission it belonged to) and each changed field, before → after, in the reader's
 * language. `compact`: one grid row's history, as a list for the narrow cell.
 */
export function PeriodHistoryList({
  items,
  caption,
  compact = false,
}: {
  items: readonly PeriodHistoryEntry[];
  caption: string;
  compact?: boolean;
}) {
  const { t } = useI18n();
  const at = (e: PeriodHistoryEntry, when: string) => <time dateTime={e.at}>{when}</time>;
  return (
    <HistoryEntries
      items={items}
      caption={caption}
      compact={compact}
      line={(e, when) => (
        <>
          {at(e, when)}
          {t('common.comma')}
          {e.user?.name ?? t('history.system')} <HistoryChannelNote channel={e.channel} />
          <br />
          <What e={e} showIndicator={false} />
          <Changes e={e} />
        </>
      )}
      cells={(e, when) => ({
        when: at(e, when),
        what: <What e={e} showIndicator />,
        change: <Changes e={e} />,
      })}
    />
  );
}
