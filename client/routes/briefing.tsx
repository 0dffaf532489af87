import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { BriefingSession } from '../../shared';
import { ErrorState } from '../components/ui/error-state';
import { LoadingState } from '../components/ui/loading-state';
import { isUnauthenticated, RequireAuth, SignInRedirect } from '../features/auth/components/require-auth';
import { useBriefingSession } from '../features/briefings/api/get-briefing-session';
import { type PackFormat, useMakeBriefingPack } from '../features/briefings/api/make-briefing-pack';
import { useUpdateBriefingSession } from '../features/briefings/api/update-briefing-session';
import { PacksList } from '../features/briefings/components/packs-list';
import { SessionForm } from '../features/briefings/components/session-form';
import { SessionRecord } from '../features/briefings/components/session-record';
import { sessionValues } from '../features/briefings/session-input';
import { useI18n } from '../i18n/context';
import { ApiError } from '../lib/api-client';
import { useErrorText } from '../lib/error-text';

function Packs({ session }: { session: BriefingSession }) {
  const { t } = useI18n();
  const { errorText } = useErrorText();
  const make = useMakeBriefingPack(session.id);
  const [problem, setProblem] = useState<string | null>(null);
  const run = (format: PackFormat) => {
    setProblem(null);
    make.mutate(format, { onError: (e) => setProblem(errorText(e)) });
  };
  return (
    <section className="section" aria-labelledby="packs">
      <h2 id="packs">{t('briefing.packs')}</h2>
      <p className="muted small">{t('briefing.packsHint')}</p>
      <p>
        <button type="button" className="button" disabled={make.isPending} onClick={() => run('pdf')}>
          {t('briefing.makePdf')}
        </button>{' '}
        <button type="button" className="button" disabled={make.isPending} onClick={() => run('xlsx')}>
          {t('briefing.makeXlsx')}
        </button>
      </p>
      {make.isPending && (
        <p role="status" className="muted small">
          {t('briefing.making')}
        </p>
      )}
      {problem && (
        <p role="alert" className="error-text">
          {problem}
        </p>
      )}
      <PacksList sessionId={session.id} packs={session.packs} />
    </section>
  );
}

function Session({ id }: { id: number }) {
  const { t } = useI18n();
  const session = useBriefingSession(id);
  const update = useUpdateBriefingSession(id);
  const [editing, setEditing] = useState(false);
  const [conflict, setConflict] = useState(false);
  if (isUnauthenticated(session.error)) return <SignInRedirect />;
  if (session.isPending) return <LoadingState label={t('briefing.loading')} rows={4} />;
  if (session.isError)
    return (
      <ErrorState
        title={t('briefing.loadError')}
        error={session.error}
        onRetry={() => void session.refetch()}
      />
    );
  const s = session.data;
  return (
    <>
      <title>{t('app.titleSuffix', { page: s.title })}</title>
      <h1>{s.title}</h1>
      {editing ? (
        <>
          {conflict && (
            <div className="notice" role="alert">
              <p>{t('briefing.conflict')}</p>
              <button
                type="button"
                className="button button--small"
                onClick={() => void session.refetch().then(() => setConflict(false))}
              >
                {t('meForm.reload')}
              </button>
            </div>
          )}
          <SessionForm
            key={s.version}
            initial={sessionValues(s)}
            label={t('briefing.edit')}
            submitLabel={t('briefing.save')}
            onSubmit={(input) =>
              update.mutateAsync({ ...input, version: s.version }).then(
                () => setEditing(false),
                (e: unknown) => {
                  if (e instanceof ApiError && e.statusCode === 409) setConflict(true);
                  else throw e;
                },
              )
            }
            onCancel={() => setEditing(false)}
          />
        </>
      ) : (
        <>
          <SessionRecord session={s} />
          <p className="form__actions">
            <button type="button" className="button button--secondary" onClick={() => setEditing(true)}>
              {t('briefing.edit')}
            </button>{' '}
            <Link className="button button--secondary" to={`/briefings/new?from=${s.id}`}>
              {t('briefing.next')}
            </Link>
          </p>
        </>
      )}
      <Packs session={s} />
    </>
  );
}

/** A briefing session: its record, its packs (made and kept here), and the next session from it. */
export function BriefingPage() {
  const { t } = useI18n();
  const raw = useParams().id ?? '';
  const id = /^[1-9][0-9]{0,9}$/.test(raw) ? Number(raw) : null;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/briefings">{t('briefing.title')}</Link>
      </p>
      <RequireAuth need="facilitator">
        {id === null ? <p className="notice">{t('briefing.notFound')}</p> : <Session id={id} />}
      </RequireAuth>
    </>
  );
}
