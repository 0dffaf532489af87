import { useT } from '../../i18n/context';
import { ApiError } from '../../lib/api-client';
import { useErrorText } from '../../lib/error-text';

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
  const { errorText } = useErrorText();
  const requestId = error instanceof ApiError ? error.requestId : null;
  return (
    <div className="error-state" role="alert">
      <p className="error-state__title">{title ?? t('common.couldNotLoad')}</p>
      <p>{error instanceof Error ? errorText(error) : t('common.somethingWrong')}</p>
      {requestId && <p className="muted small">{t('common.requestId', { id: requestId })}</p>}
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          {t('common.tryAgain')}
        </button>
      )}
    </div>
  );
}
