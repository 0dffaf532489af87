import { Link } from 'react-router';
import { ErrorState } from '../components/ui/error-state';
import { LoadingState } from '../components/ui/loading-state';
import { ScrollTable } from '../components/ui/scroll-table';
import { isUnauthenticated, RequireAuth, SignInRedirect } from '../features/auth/components/require-auth';
import { useBriefingSessions } from '../features/briefings/api/get-briefing-sessions';
import { useSessionGroupLabel } from '../features/briefings/use-session-group-label';
import { useI18n } from '../i18n/context';

function SessionsTable() {
  const { t, formatDate } = useI18n();
  const sessions = useBriefingSessions();
  const groupLabel = useSessionGroupLabel();
  if (isUnauthenticated(sessions.error)) return <SignInRedirect />;
  if (sessions.isPending) return <LoadingState label={t('briefing.loadingList')} rows={3} />;
  if (sessions.isError)
    return (
      <ErrorState
        title={t('briefing.listError')}
        error={sessions.error}
        onRetry={() => void sessions.refetch()}
      />
    );
  if (sessions.data.items.length === 0) return <p className="notice">{t('briefing.none')}</p>;
  return (
    <ScrollTable caption={t('briefing.listCaption')}>
      <thead>
        <tr>
          <th scope="col">{t('briefing.field.title')}</th>
          <th scope="col">{t('briefing.field.date')}</th>
          <th scope="col">{t('briefing.col.group')}</th>
          <th scope="col">{t('briefing.col.countries')}</th>
          <th scope="col">{t('briefing.createdBy')}</th>
        </tr>
      </thead>
      <tbody>
        {sessions.data.items.map((s) => (
          <tr key={s.id}>
            <th scope="row">
              <Link to={`/briefings/${s.id}`}>{s.title}</Link>
            </th>
            <td className="nowrap">{s.date ? formatDate(s.date) : '—'}</td>
            <td>{groupLabel(s)}</td>
            <td>{s.countries.length}</td>
            <td>{s.createdBy?.name ?? t('history.system')}</td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}

/** A facilitator's briefing sessions: each a record of a peer-learning meeting and the packs made for it. */
export function BriefingsPage() {
  const { t } = useI18n();
  return (
    <>
      <title>{t('app.titleSuffix', { page: t('briefing.title') })}</title>
      <h1>{t('briefing.title')}</h1>
      <p className="lede">{t('briefing.lede')}</p>
      <RequireAuth need="facilitator">
        <p>
          <Link className="button" to="/briefings/new">
            {t('briefing.new')}
          </Link>
        </p>
        <SessionsTable />
      </RequireAuth>
    </>
  );
}
