import { useT } from '../../i18n/context';
import { ApiError } from '../../lib/api-client';

function messageOf(error: unknown): string | null {
  if (error instanceof Error && error.message) return error.message;
  return null;
}

export function ErrorState({
  error,
  title,
  onRetry,
}: {
  error: unknown;
  title?: string;
  onRetry?: () => void;
}) {
  const t = useT();
  const requestId = error instanceof ApiError ? error.requestId : null;
  return (
    <div className="error-state" role="alert">
      <p className="error-state__title">{title ?? t('common.couldNotLoad')}</p>
      <p>{messageOf(error) ?? t('common.somethingWrong')}</p>
      {requestId && <p className="muted small">{t('common.requestId', { id: requestId })}</p>}
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          {t('common.tryAgain')}
        </button>
      )}
    </div>
  );
}
