import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ErrorState } from '../../../components/ui/error-state';
import { LoadingState } from '../../../components/ui/loading-state';
import { useT } from '../../../i18n/context';
import { ApiError } from '../../../lib/api-client';
import { useMe } from '../api/get-me';
import { capabilitiesOf } from '../capabilities';

type Need = 'signed-in' | 'admin' | 'session' | 'facilitator';

/** The sign-in page, coming back here afterwards. */
export function SignInRedirect() {
  const location = useLocation();
  const next = `${location.pathname}${location.search}`;
  return <Navigate to={`/sign-in?next=${encodeURIComponent(next)}`} replace />;
}

/** A 401 from any query of a protected page means the session ended: sign in again. */
export function isUnauthenticated(error: unknown): boolean {
  return error instanceof ApiError && error.statusCode === 401;
}

export function RequireAuth({ need = 'signed-in', children }: { need?: Need; children: ReactNode }) {
  const me = useMe();
  const t = useT();
  if (me.isPending) return <LoadingState label={t('auth.checking')} />;
  if (me.isError) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) return <SignInRedirect />;
  const can = capabilitiesOf(me.data);
  if (need === 'admin' && !can.manageUsers) {
    return (
      <div className="error-state" role="alert">
        <p className="error-state__title">{t('auth.adminsOnly')}</p>
        <p>{t('auth.adminsOnlyBody')}</p>
      </div>
    );
  }
  if (need === 'facilitator' && !can.runBriefings) {
    return (
      <div className="error-state" role="alert">
        <p className="error-state__title">{t('auth.facilitatorsOnly')}</p>
        <p>{t('auth.facilitatorsOnlyBody')}</p>
      </div>
    );
  }
  return <>{children}</>;
}
