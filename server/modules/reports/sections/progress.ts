import { progressChartConfig } from '../../../../shared/charts/progress-chart';
import type { CountryReportData } from '../country-data';
import type { IndicatorProgress } from '../country-progress';
import type { ReportI18n } from '../i18n';
import { renderChartPng } from '../render/chart';
import { COLOURS, type ReportDocument } from '../render/document';
import { drawTable } from '../render/table';
import { illustrativeCell, STATUS_FILL, stateMark, withYear } from './format';

export const PROGRESS_CHART = { width: 640, height: 210 } as const;

/** Where each chart landed on which page (tests check these areas are not blank). */
export interface ChartPlacement {
  page: number;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A numbered section of the country report that places charts (their areas go to `charts`). */
export type ChartedSection = (
  r: ReportDocument,
  d: CountryReportData,
  i18n: ReportI18n,
  charts: ChartPlacement[],
) => void;

/** Indicators with progress to show: outside an M&E plan, or with a numeric target, a value or a text. */
export const tracked = (p: IndicatorProgress) =>
  !p.indicator.planningElement || p.targets.length > 0 || p.values.length > 0 || p.milestone !== null;

/** The latest value, or a text milestone's text as written, with its year and where it comes from. */
const latestCell = (i18n: ReportI18n, p: IndicatorProgress) => {
  if (p.milestone) return `${p.milestone.text} (${p.milestone.year})${stateMark(i18n, p.milestone)}`;
  return withYear(i18n, p.indicator.indicator, p.latest) + (p.latest ? stateMark(i18n, p.latest) : '');
};

/** Table of the tracked indicators, then one chart per indicator: values against the target path. */
export const drawProgress: ChartedSection = (r, d, i18n, charts) => {
  const { t } = i18n;
  r.section(`2. ${t('progress')}`);
  if (d.indicators.length === 0) {
    r.paragraph(t('noIndicators'));
    return;
  }
  r.paragraph(t('progressRule'), { size: 8.5, color: COLOURS.muted });
  // An M&E-plan indicator without a numeric target or a value has no progress to show: it is listed,
  // with its target as written, in the M&E plan section.
  const shown = d.indicators.filter(tracked);
  const others = d.indicators.length - shown.length;
  if (others > 0) r.paragraph(t('progressOthers', { n: others, from: d.from, to: d.to }), { size: 8.5 });
  if (shown.length === 0) return;
  drawTable(
    r,
    [
      { header: t('indicator'), width: 3 },
      { header: t('baseline'), width: 1.1, align: 'end' },
      { header: t('target'), width: 1.1, align: 'end' },
      { header: t('latest'), width: 1.3, align: 'end' },
      { header: t('percentOfTarget'), width: 0.9, align: 'end' },
      { header: t('status'), width: 1 },
    ],
    shown.map((p) => {
      const ind = p.indicator.indicator;
      const illustrativeTarget = p.indicator.illustrative || p.indicator.targets.some((x) => x.illustrative);
      return [
        `${ind.code} ${ind.name}`,
        withYear(i18n, ind, p.baseline),
        illustrativeCell(i18n, withYear(i18n, ind, p.target), illustrativeTarget),
        latestCell(i18n, p),
        illustrativeCell(i18n, i18n.pct(p.percentOfTarget), p.source === 'illustrative'),
        { ...illustrativeCell(i18n, t(p.status), p.source === 'illustrative'), fill: STATUS_FILL[p.status] },
      ];
    }),
  );
  // A text milestone has no scale to chart: the table gives its text.
  for (const p of shown.filter((x) => x.indicator.indicator.measureType !== 'text')) {
    const ind = p.indicator.indicator;
    r.ensure(PROGRESS_CHART.height * 0.75 + 40);
    const title = `${ind.code} ${ind.name}`;
    r.y += r.text.paragraph(title, r.left, r.y, r.width, r.align('start'), { size: 9.5, bold: true }) + 2;
    if (p.values.length === 0)
      r.paragraph(t('noValueInRange', { from: d.from, to: d.to }), { size: 8.5, color: COLOURS.muted });
    const config = progressChartConfig(
      {
        isLevel: ind.measureType === 'level',
        baseline: p.baseline,
        targets: p.targets,
        values: p.values.map((v) => ({ value: v.value, year: v.year })),
        from: d.from,
        to: d.to,
      },
      { reported: t('reported'), path: t('targetPath'), targets: t('target') },
    );
    const png = renderChartPng(config as never, PROGRESS_CHART, r.rtl);
    const at = r.image(png, PROGRESS_CHART);
    charts.push({ page: r.doc.bufferedPageRange().count, ...at });
    r.gap(6);
  }
};
