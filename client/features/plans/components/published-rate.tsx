import type { Plan, PublishedRate } from '../../../../shared';
import { SourceBadge } from '../../../components/ui/source-badge';
import { useI18n } from '../../../i18n/context';
import { formatRate } from '../format';

/**
 * A rate quoted from a published evaluation: the figure (or what the source says instead of one) and
 * a Published badge naming the evaluation; the full citation is under the table.
 */
export function PublishedRateCell({ rate }: { rate: PublishedRate | null }) {
  const { t, locale } = useI18n();
  if (!rate) return <>—</>;
  return (
    <>
      {rate.rate !== null ? formatRate(rate.rate, locale) : null}
      {rate.note && <span className="cell-note">{rate.note}</span>}{' '}
      <SourceBadge source="published" name={t('objectives.evaluation')} />
    </>
  );
}

/** The distinct citations of a plan's published rates. */
export function publishedSources(plan: Plan): string[] {
  return [...new Set(plan.objectives.flatMap((o) => (o.publishedRate ? [o.publishedRate.source] : [])))];
}
