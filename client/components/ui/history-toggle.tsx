import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useT } from '../../i18n/context';
import { useErrorText } from '../../lib/error-text';

/**
 * The button that opens and closes a history, and under it while open the history being loaded, its
 * error, or what `children` makes of it. The query is the caller's, enabled only while open.
 */
export function HistoryToggle<T>({
  open,
  onOpen,
  button,
  query,
  children,
}: {
  open: boolean;
  onOpen: (open: boolean) => void;
  button: string;
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
}) {
  const t = useT();
  const { errorText } = useErrorText();
  return (
    <>
      <button
        type="button"
        className="button button--small button--secondary"
        aria-expanded={open}
        onClick={() => onOpen(!open)}
      >
        {button}
      </button>
      {open &&
        (query.isPending ? (
          <p className="muted small">{t('history.loading')}</p>
        ) : query.isError ? (
          <p role="alert" className="error-text">
            {errorText(query.error)}
          </p>
        ) : (
          children(query.data)
        ))}
    </>
  );
}
