import { Link, useNavigate, useSearchParams } from 'react-router';
import { ErrorState } from '../components/ui/error-state';
import { LoadingState } from '../components/ui/loading-state';
import { RequireAuth } from '../features/auth/components/require-auth';
import { useCreateBriefingSession } from '../features/briefings/api/create-briefing-session';
import { useBriefingSession } from '../features/briefings/api/get-briefing-session';
import { SessionForm } from '../features/briefings/components/session-form';
import { emptySession, nextSessionValues } from '../features/briefings/session-input';
import { useI18n } from '../i18n/context';

/** `?from=12`: the next session of a series starts from session 12. */
function parseFrom(raw: string | null): number | null {
  return raw && /^[1-9][0-9]{0,9}$/.test(raw) ? Number(raw) : null;
}

function NewSession() {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const create = useCreateBriefingSession();
  const from = parseFrom(useSearchParams()[0].get('from'));
  const previous = useBriefingSession(from);
  if (from !== null && previous.isPending) return <LoadingState label={t('briefing.loading')} rows={3} />;
  if (from !== null && previous.isError)
    return (
      <ErrorState
        title={t('briefing.loadError')}
        error={previous.error}
        onRetry={() => void previous.refetch()}
      />
    );
  const initial = previous.data ? nextSessionValues(previous.data) : emptySession(locale);
  return (
    <SessionForm
      // A different starting session is a different form.
      key={from ?? 'new'}
      initial={initial}
      label={t('briefing.new')}
      submitLabel={t('briefing.create')}
      onSubmit={(input) => create.mutateAsync(input).then((session) => navigate(`/briefings/${session.id}`))}
      onCancel={() => navigate(from ? `/briefings/${from}` : '/briefings')}
    />
  );
}

export function BriefingNewPage() {
  const { t } = useI18n();
  return (
    <>
      <title>{t('app.titleSuffix', { page: t('briefing.new') })}</title>
      <p className="breadcrumb">
        <Link to="/briefings">{t('briefing.title')}</Link>
      </p>
      <h1>{t('briefing.new')}</h1>
      <RequireAuth need="facilitator">
        <NewSession />
      </RequireAuth>
    </>
  );
}
