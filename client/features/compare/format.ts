import type { CompareRow } from '../../../shared';
import { scoreLabel } from '../../../shared/constants/level';
import type { TFunction } from '../../i18n/context';

/** "C", "C–D" (between two levels) or "—" without data. */
export function formatScore(score: number | null): string {
  return score === null ? '—' : scoreLabel(score);
}

/** Interquartile range in letters, e.g. "B to D"; a single letter when q1 = q3. */
export function formatRange(q1: number | null, q3: number | null, t: TFunction): string {
  if (q1 === null || q3 === null) return '—';
  return q1 === q3 ? scoreLabel(q1) : t('cmp.rangeTo', { from: scoreLabel(q1), to: scoreLabel(q3) });
}

/** "3 of 21": the country's rank among the n group members that answered. */
export function formatRank(row: CompareRow, t: TFunction): string {
  return row.rank === null ? '—' : t('cmp.rankOf', { rank: row.rank, n: row.stats.n });
}
