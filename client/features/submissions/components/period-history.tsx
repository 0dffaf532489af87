import { useState } from 'react';
import { HistoryToggle } from '../../../components/ui/history-toggle';
import { useT } from '../../../i18n/context';
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
  const history = usePeriodHistory(periodId, planIndicatorId, open);
  return (
    <div>
      <HistoryToggle
        open={open}
        onOpen={setOpen}
        button={open ? t('history.hide', { label }) : t('history.show', { label })}
        query={history}
      >
        {(data) => (
          <PeriodHistoryList
            items={data.items}
            caption={t('history.show', { label })}
            compact={planIndicatorId !== undefined}
          />
        )}
      </HistoryToggle>
    </div>
  );
}
