import { Link } from 'react-router';
import type { DueItem } from '../../shared';
import { ErrorState } from '../components/ui/error-state';
import { LoadingState } from '../components/ui/loading-state';
import { ScrollTable } from '../components/ui/scroll-table';
import { RequireAuth } from '../features/auth/components/require-auth';
import { useDue, useNotifications } from '../features/submissions/api/get-due';
import { useNoticeText } from '../features/submissions/use-notice-text';
import { useI18n, useT } from '../i18n/context';
import { useCountryName } from '../i18n/countries';

const DAY_MS = 86_400_000;

/** Whole days from today (UTC, as the server decides due and overdue) to a YYYY-MM-DD day. */
function daysUntil(day: string, now = Date.now()): number {
  const today = Date.UTC(
    new Date(now).getUTCFullYear(),
    new Date(now).getUTCMonth(),
    new Date(now).getUTCDate(),
  );
  return Math.round((Date.parse(`${day}T00:00:00Z`) - today) / DAY_MS);
}

function DueTable({ items, caption }: { items: DueItem[]; caption: string }) {
  const { t, formatDate, formatNumber } = useI18n();
  /** "Due (in 3 days)", "Overdue (2 days late)": the plural in the language's own forms. */
  const stateText = (i: DueItem) => {
    const state = t(`state.${i.state}`);
    if (i.state !== 'due' && i.state !== 'overdue') return state;
    const d = daysUntil(i.dueDate);
    const when =
      d === 0 ? t('due.today') : d > 0 ? t('due.inDays', { count: d }) : t('due.lateDays', { count: -d });
    return `${state} (${when})`;
  };
  const countryName = useCountryName();
  return (
    <ScrollTable caption={caption}>
      <thead>
        <tr>
          <th scope="col">{t('countries.col.country')}</th>
          <th scope="col">{t('due.col.period')}</th>
          <th scope="col">{t('due.col.due')}</th>
          <th scope="col">{t('due.col.state')}</th>
          <th scope="col">{t('due.col.entered')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((i) => (
          <tr key={i.periodId}>
            <th scope="row">{countryName({ iso3: i.countryIso3, name: i.countryName })}</th>
            <td>
              <Link to={`/periods/${i.periodId}`}>
                {i.periodCode} — {i.planTitle}
              </Link>
            </td>
            <td>{formatDate(i.dueDate)}</td>
            <td>{stateText(i)}</td>
            <td>
              {formatNumber(i.entered)} / {formatNumber(i.expected)}
            </td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}

function DueView() {
  const due = useDue();
  const notices = useNotifications();
  const t = useT();
  const noticeText = useNoticeText();
  if (due.isPending) return <LoadingState label={t('due.loading')} rows={4} />;
  if (due.isError)
    return <ErrorState title={t('due.loadError')} error={due.error} onRetry={() => void due.refetch()} />;
  const unread = notices.data?.items.filter((n) => !n.readAt) ?? [];
  return (
    <>
      {unread.length > 0 && (
        <section aria-label={t('due.notifications')} className="section">
          <ul>
            {unread.map((n) => (
              <li key={n.id}>
                <Link to={`/periods/${n.periodId}`}>{noticeText(n)}</Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      {due.data.items.length === 0 ? (
        <p className="notice">{t('due.none')}</p>
      ) : (
        <DueTable items={due.data.items} caption={t('due.caption')} />
      )}
      {due.data.completeness.length > 0 && (
        <DueTable items={due.data.completeness} caption={t('due.completeness')} />
      )}
    </>
  );
}

/** What is due, overdue, returned, submitted or approved for the signed-in user. */
export function DuePage() {
  const t = useT();
  return (
    <>
      <title>{t('app.titleSuffix', { page: t('due.title') })}</title>
      <h1>{t('due.title')}</h1>
      <RequireAuth>
        <DueView />
      </RequireAuth>
    </>
  );
}
