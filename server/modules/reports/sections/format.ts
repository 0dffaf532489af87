import type { Plan, PlanIndicator, YearValue } from '../../../../shared';
import type { ReportValue } from '../country-progress';
import type { ReportI18n } from '../i18n';
import type { Cell } from '../render/table';

/** A value as the plan pages show it: a level letter, a percentage, or a number with its unit. */
export function formatValue(i18n: ReportI18n, ind: PlanIndicator['indicator'], v: YearValue['value'] | null) {
  if (v === null) return '—';
  if (typeof v === 'string') return v;
  if (ind.measureType === 'percentage') return `${i18n.num(v)} %`;
  // Words, not ✓/✗: the embedded Noto fonts have no check-mark glyph (it printed as a missing-glyph box).
  if (ind.measureType === 'yes_no') return v ? i18n.t('yes') : i18n.t('no');
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

/**
 * Where a value comes from, written next to it: a published answer names its dataset, demo data says
 * so, and a value not yet approved is never passed off as approved. An approved national report,
 * what a country report is made of, carries no mark (the data-quality notes say so).
 */
export function stateMark(i18n: ReportI18n, v: Pick<ReportValue, 'state' | 'source' | 'sourceName'>): string {
  if (v.source === 'published') return ` [${i18n.t('publishedMark', { source: v.sourceName ?? '' })}]`;
  if (v.source === 'demo') return ` [${i18n.t('demoMark')}]`;
  if (v.state === 'approved' || v.state === 'published') return '';
  return ` [${i18n.t(v.state)}]`;
}

/** Whether anything the report shows of the plan is illustrative (then, and only then, the note explains it). */
export const hasIllustrative = (plan: Plan) =>
  plan.illustrative ||
  plan.objectives.some((o) => o.illustrative) ||
  plan.activities.some((a) => a.illustrative) ||
  plan.indicators.some((i) => i.illustrative || i.targets.some((x) => x.illustrative));

export const illustrativeCell = (i18n: ReportI18n, text: string, illustrative: boolean): Cell =>
  illustrative ? { text: `${text} — ${i18n.t('illustrative')}`, color: '#8a4b00' } : { text };
