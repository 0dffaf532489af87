import { isRouteErrorResponse, Link, useRouteError } from 'react-router';

/** Last line of defence: an error thrown while rendering a page. */
export function RouteError() {
  const error = useRouteError();
  const message = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : error instanceof Error
      ? error.message
      : 'Unknown error';
  return (
    <div className="container main">
      <div className="error-state" role="alert">
        <p className="error-state__title">Something went wrong on this page</p>
        <p>{message}</p>
        <button type="button" className="button" onClick={() => window.location.reload()}>
          Reload the page
        </button>{' '}
        <Link to="/">Go to the home page</Link>
      </div>
    </div>
  );
}
