import type { PreviousValue } from '../../../../shared';
import { SourceBadge } from '../../../components/ui/source-badge';
import { type TFunction, useI18n } from '../../../i18n/context';

type Answer = Pick<PreviousValue, 'status' | 'level' | 'numericValue' | 'textValue'>;

/**
 * A stored answer in a few characters: its level, number (in the interface language, to 3 decimals)
 * or text, or why there is none.
 */
export const answerText = (
  p: Answer,
  t: TFunction,
  formatNumber: (n: number, o: Intl.NumberFormatOptions) => string,
) =>
  p.status === 'no_data'
    ? t('previous.noData')
    : p.status === 'not_applicable'
      ? t('previous.na')
      : (p.level ??
        (p.numericValue !== null
          ? formatNumber(p.numericValue, { maximumFractionDigits: 3 })
          : (p.textValue ?? '')));

/**
 * Earlier periods' values beside the cell, newest first. An approved value is the country's report and
 * needs no mark; one not yet approved (or demo data) says so, so it is not copied as if it were settled.
 */
export function PreviousValues({ previous }: { previous: PreviousValue[] }) {
  const { t, formatNumber } = useI18n();
  if (previous.length === 0) return <span className="muted small">{t('previous.none')}</span>;
  return (
    <ul className="entry-previous small">
      {previous.slice(0, 3).map((p) => (
        <li key={p.periodCode}>
          {p.periodCode}: {answerText(p, t, formatNumber)}
          {p.source !== 'national_approved' && (
            <>
              {' '}
              <SourceBadge source={p.source} />
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
