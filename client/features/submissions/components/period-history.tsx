import { useState } from 'react';
import { useT } from '../../../i18n/context';
import { useErrorText } from '../../../lib/error-text';
import { usePeriodHistory } from '../api/get-history';
import { PeriodHistoryList } from './period-history-list';

/** "History" of a period (no row given) or of one value: who, when, how, old → new, loaded when opened. */
export function PeriodHistory({
  periodId,
  planIndicatorId,
  label,
  initiallyOpen = false,
}: {
  periodId: number;
  planIndicatorId?: number;
  label: string;
  initiallyOpen?: boolean;
}) {
  const [open, setOpen] = useState(initiallyOpen);
  const t = useT();
  const { errorText } = useErrorText();
  const history = usePeriodHistory(periodId, planIndicatorId, open);
  return (
    <div>
      <button
        type="button"
        className="button button--small button--secondary"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        {open ? t('history.hide', { label }) : t('history.show', { label })}
      </button>
      {open &&
        (history.isPending ? (
          <p className="muted small">{t('history.loading')}</p>
        ) : history.isError ? (
          <p role="alert" className="error-text">
            {errorText(history.error)}
          </p>
        ) : (
          <PeriodHistoryList
            items={history.data.items}
            caption={t('history.show', { label })}
            compact={planIndicatorId !== undefined}
          />
        ))}
    </div>
  );
}
