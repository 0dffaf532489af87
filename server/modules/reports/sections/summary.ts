import { PROGRESS_STATUSES } from '../../../../shared';
import type { CountryReportData } from '../country-data';
import type { ReportI18n } from '../i18n';
import { COLOURS, type ReportDocument } from '../render/document';
import { drawTable } from '../render/table';
import { illustrativeCell, STATUS_FILL, stateMark, withYear } from './format';

const HEADLINES = 6;

/** One page: status counts, the overall implementation rate, the budget and the headline indicators. */
export function drawSummary(r: ReportDocument, d: CountryReportData, i18n: ReportI18n): void {
  const { t } = i18n;
  r.newPage();
  r.heading(`1. ${t('summary')}`);
  // Status counts as a row of tiles.
  r.heading(t('statusCounts'), 2);
  const tileW = r.width / PROGRESS_STATUSES.length;
  PROGRESS_STATUSES.forEach((s, i) => {
    const x = r.rtl ? r.left + r.width - (i + 1) * tileW : r.left + i * tileW;
    r.doc.rect(x + 3, r.y, tileW - 6, 58).fill(STATUS_FILL[s]);
    r.text.line(i18n.num(d.statusCounts[s], 0), x, r.y + 8, tileW, 'center', { size: 22, bold: true });
    r.text.line(t(s), x, r.y + 38, tileW, 'center', { size: 9, color: COLOURS.muted });
  });
  r.gap(72);
  const overall = d.plan.implementation.overall;
  r.heading(t('overallRate'), 2);
  r.text.line(i18n.pct(overall.rate), r.left, r.y, r.width, r.align('start'), {
    size: 26,
    bold: true,
    color: COLOURS.accent,
  });
  r.gap(38);
  // Derived from illustrative activities, the rate is illustrative too: said next to it.
  if (overall.source === 'illustrative')
    r.paragraph(`${t('illustrative')}: ${t('illustrativeNote')}`, { color: '#8a4b00', bold: true });
  r.paragraph(
    t('activitiesCounted', {
      n: overall.counted,
      completed: overall.completed,
      ongoing: overall.ongoing,
      notStarted: overall.notStarted,
    }),
    { color: COLOURS.muted },
  );
  if (d.plan.budget) {
    r.paragraph(`${t('budgetTotal')}: ${i18n.money(d.plan.budget.total, d.plan.budget.currency)}`, {
      bold: true,
    });
  }
  r.gap(6);
  r.heading(t('headline'), 2);
  if (d.indicators.length === 0) {
    r.paragraph(t('noIndicators'));
    return;
  }
  drawTable(
    r,
    [
      { header: t('indicator'), width: 3.2 },
      { header: t('latest'), width: 1.3, align: 'end' },
      { header: t('target'), width: 1.2, align: 'end' },
      { header: t('percentOfTarget'), width: 1, align: 'end' },
      { header: t('status'), width: 1.1 },
    ],
    d.indicators
      .slice(0, HEADLINES)
      .map((p) => [
        `${p.indicator.indicator.code} ${p.indicator.indicator.name}`,
        withYear(i18n, p.indicator.indicator, p.latest) + (p.latest ? stateMark(i18n, p.latest) : ''),
        withYear(i18n, p.indicator.indicator, p.target),
        illustrativeCell(i18n, i18n.pct(p.percentOfTarget), p.source === 'illustrative'),
        { ...illustrativeCell(i18n, t(p.status), p.source === 'illustrative'), fill: STATUS_FILL[p.status] },
      ]),
  );
}
