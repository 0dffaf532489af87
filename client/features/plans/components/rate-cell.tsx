import type { Plan } from '../../../../shared';
import { SourceBadge } from '../../../components/ui/source-badge';
import { useI18n } from '../../../i18n/context';
import { formatRate, isMarkedSource } from '../format';

/**
 * An implementation rate, marked with its source when it rests on illustrative (or draft) activities;
 * the budgets beside it are the plan's own figures and carry no such mark.
 */
export function RateCell({ rate }: { rate: Plan['implementation']['overall'] }) {
  const { locale } = useI18n();
  return (
    <>
      {formatRate(rate.rate, locale)}
      {rate.rate !== null && isMarkedSource(rate.source) && (
        <>
          {' '}
          <SourceBadge source={rate.source} />
        </>
      )}
    </>
  );
}
