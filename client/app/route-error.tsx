import { Component, type ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import { useT } from '../i18n/context';

/** Last line of defence: an error thrown while rendering a page, or a page's code that failed to load. */
export function RouteError({ error }: { error: unknown }) {
  const t = useT();
  const message = error instanceof Error ? error.message : t('error.unknown');
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

interface BoundaryState {
  error: unknown;
  failed: boolean;
  /** The address the state belongs to: a failure is cleared when the address changes. */
  pathname: string;
}

class Boundary extends Component<{ pathname: string; children: ReactNode }, BoundaryState> {
  override state: BoundaryState = { error: null, failed: false, pathname: this.props.pathname };

  static getDerivedStateFromProps(props: { pathname: string }, state: BoundaryState) {
    return props.pathname === state.pathname
      ? null
      : { error: null, failed: false, pathname: props.pathname };
  }

  static getDerivedStateFromError(error: unknown) {
    return { error, failed: true };
  }

  override render() {
    return this.state.failed ? <RouteError error={this.state.error} /> : this.props.children;
  }
}

/**
 * Shows RouteError in place of the pages when rendering fails; going to another address renders the
 * pages again, as the data router's error element did. The boundary is told the path rather than keyed
 * by it, so a navigation does not mount the layout and its page afresh.
 */
export function RouteErrorBoundary({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  return <Boundary pathname={pathname}>{children}</Boundary>;
}
