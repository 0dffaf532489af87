import type { PreviousValue } from '../../../../shared';

const shown = (p: PreviousValue) =>
  p.status === 'no_data'
    ? 'no data'
    : p.status === 'not_applicable'
      ? 'n/a'
      : (p.level ??
        (p.numericValue !== null ? String(Math.round(p.numericValue * 1000) / 1000) : (p.textValue ?? '')));

/** Earlier periods' values beside the cell, newest first. */
export function PreviousValues({ previous }: { previous: PreviousValue[] }) {
  if (previous.length === 0) return <span className="muted small">None</span>;
  return (
    <ul className="entry-previous small">
      {previous.slice(0, 3).map((p) => (
        <li key={p.periodCode}>
          {p.periodCode}: {shown(p)}
        </li>
      ))}
    </ul>
  );
}
