import type { KeyboardEvent } from 'react';
import type { EntryGrid } from '../../../../shared';
import { useT } from '../../../i18n/context';
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
    // Right to left (Arabic), the previous cell is on the right.
    const back = getComputedStyle(el).direction === 'rtl' ? 'ArrowRight' : 'ArrowLeft';
    target = cellsOf(tr)[c + (e.key === back ? -1 : 1)];
  } else return;
  if (!target) return;
  e.preventDefault();
  target.focus();
}

export function EntryGridTable({
  grid,
  editable,
  canComment = false,
  userId = null,
}: {
  grid: EntryGrid;
  editable: boolean;
  /** Who enters (their outbox keeps saves made offline). */
  userId?: number | null;
  /** A validator of the country while the period is submitted: comments on single values. */
  canComment?: boolean;
}) {
  const t = useT();
  return (
    // Headers wrap: French and Spanish ones are long and would run into each other at laptop width.
    <table className="table table--wrap-head entry-grid">
      <caption>{t('grid.caption', { period: grid.period.code })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('grid.col.indicator')}</th>
          <th scope="col">{t('grid.col.status')}</th>
          <th scope="col">{t('grid.col.value')}</th>
          <th scope="col">{t('grid.col.comment')}</th>
          <th scope="col">{t('grid.col.earlier')}</th>
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
            canComment={canComment}
            userId={userId}
          />
        ))}
      </tbody>
    </table>
  );
}
