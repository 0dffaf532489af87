import type { PreviousValue } from '../../../../shared';
import { type TFunction, useT } from '../../../i18n/context';

const shown = (p: PreviousValue, t: TFunction) =>
  p.status === 'no_data'
    ? t('previous.noData')
    : p.status === 'not_applicable'
      ? t('previous.na')
      : (p.level ??
        (p.numericValue !== null ? String(Math.round(p.numericValue * 1000) / 1000) : (p.textValue ?? '')));

/** Earlier periods' values beside the cell, newest first. */
export function PreviousValues({ previous }: { previous: PreviousValue[] }) {
  const t = useT();
  if (previous.length === 0) return <span className="muted small">{t('previous.none')}</span>;
  return (
    <ul className="entry-previous small">
      {previous.slice(0, 3).map((p) => (
        <li key={p.periodCode}>
          {p.periodCode}: {shown(p, t)}
        </li>
      ))}
    </ul>
  );
}
