import type { PlanIndicator, YearValue } from '../../../../shared';
import type { DataState } from '../country-progress';
import type { ReportI18n } from '../i18n';
import type { Cell } from '../render/table';

/** A value as the plan pages show it: a level letter, a percentage, or a number with its unit. */
export function formatValue(i18n: ReportI18n, ind: PlanIndicator['indicator'], v: YearValue['value'] | null) {
  if (v === null) return '—';
  if (typeof v === 'string') return v;
  if (ind.measureType === 'percentage') return `${i18n.num(v)} %`;
  if (ind.measureType === 'yes_no') return v ? '✓' : '✗';
  return ind.unit ? `${i18n.num(v)} ${ind.unit}` : i18n.num(v);
}

/** "45 % (2021)" */
export const withYear = (i18n: ReportI18n, ind: PlanIndicator['indicator'], v: YearValue | null) =>
  v ? `${formatValue(i18n, ind, v.value)} (${v.year})` : '—';

/** Status colours (Okabe–Ito, as in shared/charts/target-chart); the word is always written too. */
export const STATUS_FILL = {
  achieved: '#d6f0e6',
  on_track: '#d9e9f5',
  at_risk: '#fbecc8',
  off_track: '#f7d9c7',
  no_data: '#eceff2',
} as const;

/** A value's state when it is not approved: written next to it, never passed off as approved. */
export function stateMark(i18n: ReportI18n, state: DataState): string {
  if (state === 'approved' || state === 'imported') return '';
  return ` [${i18n.t(state)}]`;
}

export const illustrativeCell = (i18n: ReportI18n, text: string, illustrative: boolean): Cell =>
  illustrative ? { text: `${text} — ${i18n.t('illustrative')}`, color: '#8a4b00' } : { text };
