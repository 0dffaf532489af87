import { progressChartConfig } from '../../../../shared/charts/progress-chart';
import type { CountryReportData } from '../country-data';
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

/** Table of every indicator, then one chart per indicator: values against the target path. */
export function drawProgress(
  r: ReportDocument,
  d: CountryReportData,
  i18n: ReportI18n,
  charts: ChartPlacement[],
): void {
  const { t } = i18n;
  r.newPage();
  r.heading(`2. ${t('progress')}`);
  if (d.indicators.length === 0) {
    r.paragraph(t('noIndicators'));
    return;
  }
  r.paragraph(t('progressRule'), { size: 8.5, color: COLOURS.muted });
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
    d.indicators.map((p) => {
      const ind = p.indicator.indicator;
      const illustrativeTarget = p.indicator.illustrative || p.indicator.targets.some((x) => x.illustrative);
      return [
        `${ind.code} ${ind.name}`,
        withYear(i18n, ind, p.baseline),
        illustrativeCell(i18n, withYear(i18n, ind, p.target), illustrativeTarget),
        withYear(i18n, ind, p.latest) + (p.latest ? stateMark(i18n, p.latest) : ''),
        illustrativeCell(i18n, i18n.pct(p.percentOfTarget), p.source === 'illustrative'),
        { ...illustrativeCell(i18n, t(p.status), p.source === 'illustrative'), fill: STATUS_FILL[p.status] },
      ];
    }),
  );
  for (const p of d.indicators) {
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
}
