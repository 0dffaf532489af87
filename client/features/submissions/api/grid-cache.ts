import type { EntryGrid, StoredValue } from '../../../../shared';

/**
 * The grid with one row's newly saved value, and its completeness counted again the way the server
 * counts it (a stored value in a row collected in the period): the page's "n of m entered" follows
 * every save without asking for the whole grid again.
 */
export function withStoredValue(grid: EntryGrid, planIndicatorId: number, stored: StoredValue): EntryGrid {
  const rows = grid.rows.map((r) => (r.planIndicatorId === planIndicatorId ? { ...r, value: stored } : r));
  const collected = rows.filter((r) => r.frameworkPeriodCode !== null);
  return {
    ...grid,
    rows,
    completeness: { expected: collected.length, entered: collected.filter((r) => r.value !== null).length },
  };
}
