import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { useT } from '../i18n/context';

/** Last line of defence: an error thrown while rendering a page. */
export function RouteError() {
  const error = useRouteError();
  const t = useT();
  const message = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : t('error.unknown');
  return (
    <div className="container main">
      <div className="error-state" role="alert">
        <p className="error-state__title">{t('error.pageTitle')}</p>
        <p>{message}</p>
        <button type="button" className="button" onClick={() => window.location.reload()}>
          {t('error.reload')}
        </button>{' '}
        <Link to="/">{t('common.goHome')}</Link>
      </div>
    </div>
  );
}
