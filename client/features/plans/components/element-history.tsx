import { useState } from 'react';
import type { HistoryEntry } from '../../../../shared';
import { HistoryList } from '../../../components/ui/history-list';
import { useT } from '../../../i18n/context';
import { useErrorText } from '../../../lib/error-text';
import { usePlanHistory } from '../api/get-plan-history';

/** A "History" toggle for one plan element (or the whole plan): who changed it, when, old → new. */
export function ElementHistory({
  planId,
  entityType,
  entityId,
  label,
}: {
  planId: number;
  entityType?: HistoryEntry['entityType'];
  entityId?: number;
  label: string;
}) {
  const t = useT();
  const { errorText } = useErrorText();
  const [open, setOpen] = useState(false);
  const filter = { ...(entityType ? { entityType } : {}), ...(entityId ? { entityId } : {}) };
  const history = usePlanHistory(planId, filter, open);
  return (
    <>
      <button
        type="button"
        className="button button--small button--secondary"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        {open ? t('planEdit.hideHistory') : t('period.history')}
      </button>
      {open &&
        (history.isPending ? (
          <p className="muted small">{t('history.loading')}</p>
        ) : history.isError ? (
          <p role="alert" className="error-text">
            {errorText(history.error)}
          </p>
        ) : (
          <HistoryList items={history.data.items} caption={t('history.show', { label })} />
        ))}
    </>
  );
}
