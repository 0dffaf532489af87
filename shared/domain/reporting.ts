import { z } from 'zod';
import { SUBMISSION_STATES, type SubmissionState } from '../constants/reporting';

export * from '../constants/reporting';

export const SubmissionStateSchema = z.enum(SUBMISSION_STATES);

/** What the "what is due" page shows: the workflow state, with draft split by the due date. */
export const DUE_STATES = ['due', 'overdue', 'returned', 'submitted', 'approved'] as const;
export const DueStateSchema = z.enum(DUE_STATES);
export type DueState = z.infer<typeof DueStateSchema>;

export const PERIOD_KINDS = ['year', 'quarter'] as const;
export const PeriodKindSchema = z.enum(PERIOD_KINDS);
export type PeriodKind = z.infer<typeof PeriodKindSchema>;

/** Code and dates of a reporting period: 2024 → 2024-01-01…2024-12-31; 2024 Q2 → 2024-Q2, April–June. */
export function periodBounds(kind: PeriodKind, year: number, quarter?: number) {
  if (kind === 'year') return { code: String(year), startDate: `${year}-01-01`, endDate: `${year}-12-31` };
  const q = quarter ?? 1;
  const startMonth = (q - 1) * 3 + 1;
  const endMonth = startMonth + 2;
  const lastDay = new Date(Date.UTC(year, endMonth, 0)).getUTCDate();
  const mm = (m: number) => String(m).padStart(2, '0');
  return {
    code: `${year}-Q${q}`,
    startDate: `${year}-${mm(startMonth)}-01`,
    endDate: `${year}-${mm(endMonth)}-${lastDay}`,
  };
}

export interface DatedPeriod {
  code: string;
  startDate: string;
  endDate: string;
}

/**
 * The framework period in which a value of a plan's reporting period is stored: the one with the
 * same code (national frameworks get one per reporting period), else the one whose dates contain
 * the reporting period's end (a TrACSS round 2019–2020 holds the 2020 report). None: the indicator
 * is not collected in that period.
 */
export function matchFrameworkPeriod<P extends DatedPeriod>(
  reporting: DatedPeriod,
  candidates: P[],
): P | null {
  const same = candidates.find((c) => c.code === reporting.code);
  if (same) return same;
  return candidates.find((c) => c.startDate <= reporting.endDate && reporting.endDate <= c.endDate) ?? null;
}

/** A draft (or nothing yet) is due until its due date, overdue after it; other states show as they are. */
export function dueStateOf(state: SubmissionState, dueDate: string, today: string): DueState {
  if (state !== 'draft') return state;
  return today > dueDate ? 'overdue' : 'due';
}
