import { useState } from 'react';
import type { HistoryEntry } from '../../../../shared';
import { HistoryList } from '../../../components/ui/history-list';
import { HistoryToggle } from '../../../components/ui/history-toggle';
import { useT } from '../../../i18n/context';
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
  const [open, setOpen] = useState(false);
  const filter = { ...(entityType ? { entityType } : {}), ...(entityId ? { entityId } : {}) };
  const history = usePlanHistory(planId, filter, open);
  return (
    <HistoryToggle
      open={open}
      onOpen={setOpen}
      button={open ? t('planEdit.hideHistory') : t('period.history')}
      query={history}
    >
      {(data) => <HistoryList items={data.items} caption={t('history.show', { label })} />}
    </HistoryToggle>
  );
}
