import type { KeyboardEvent } from 'react';
import type { EntryGrid } from '../../../../shared';
import { EntryRowView } from './entry-row';

const cellsOf = (tr: Element) => [...tr.querySelectorAll<HTMLElement>('[data-cell]:not(:disabled)')];

/** Text inputs keep Left/Right for the caret, except at its ends. */
function caretAllowsLeave(el: HTMLElement, key: string): boolean {
  if (!(el instanceof HTMLInputElement) || el.selectionStart === null) return true;
  return key === 'ArrowLeft' ? el.selectionStart === 0 : el.selectionEnd === el.value.length;
}

/**
 * Spreadsheet-like keys: ↑/↓ and Enter move to the same cell of the row above/below, ←/→ to the
 * previous/next cell of the row.
 */
function onGridKey(e: KeyboardEvent<HTMLTableSectionElement>) {
  const el = e.target as HTMLElement;
  if (!el.matches('[data-cell]')) return;
  const tr = el.closest('tr[data-row]');
  if (!tr) return;
  const rows = [...e.currentTarget.querySelectorAll('tr[data-row]')];
  const r = rows.indexOf(tr);
  const c = cellsOf(tr).indexOf(el);
  let target: HTMLElement | undefined;
  if (e.key === 'ArrowDown' || e.key === 'Enter' || e.key === 'ArrowUp') {
    const step = e.key === 'ArrowUp' ? -1 : 1;
    for (let i = r + step; i >= 0 && i < rows.length && !target; i += step) {
      const cells = cellsOf(rows[i] as Element);
      target = cells[Math.min(c, cells.length - 1)];
    }
  } else if ((e.key === 'ArrowLeft' || e.key === 'ArrowRight') && caretAllowsLeave(el, e.key)) {
    target = cellsOf(tr)[c + (e.key === 'ArrowLeft' ? -1 : 1)];
  } else return;
  if (!target) return;
  e.preventDefault();
  target.focus();
}

export function EntryGridTable({ grid, editable }: { grid: EntryGrid; editable: boolean }) {
  return (
    <table className="table entry-grid">
      <caption>
        Values for {grid.period.code} — arrow keys and Enter move between cells; each change is saved as you
        go
      </caption>
      <thead>
        <tr>
          <th scope="col">Indicator</th>
          <th scope="col">Status</th>
          <th scope="col">Value</th>
          <th scope="col">Comment and evidence</th>
          <th scope="col">Earlier periods</th>
        </tr>
      </thead>
      <tbody onKeyDown={onGridKey}>
        {grid.rows.map((row) => (
          <EntryRowView
            key={row.planIndicatorId}
            periodId={grid.period.id}
            iso3={grid.plan.countryIso3}
            row={row}
            editable={editable}
          />
        ))}
      </tbody>
    </table>
  );
}
