import { PROGRESS_STATUSES } from '../../../../shared';
import type { CountryReportData } from '../country-data';
import type { ReportI18n } from '../i18n';
import { COLOURS, type ReportDocument } from '../render/document';
import { drawTable } from '../render/table';
import { illustrativeCell, STATUS_FILL, stateMark, withYear } from './format';
import { tracked } from './progress';

const HEADLINES = 6;

/** One page: status counts, the overall implementation rate, the budget and the headline indicators. */
export function drawSummary(r: ReportDocument, d: CountryReportData, i18n: ReportI18n): void {
  const { t } = i18n;
  r.section(`1. ${t('summary')}`);
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
  const published = d.plan.objectives.filter((o) => o.publishedRate);
  if (overall.rate === null && published.length > 0) {
    // No rate for the whole plan is published, and none is made up from the objectives' rates.
    r.paragraph(t('publishedByObjectiveOnly'), { bold: true });
    r.paragraph(
      published
        .map((o) => {
          const p = o.publishedRate as NonNullable<typeof o.publishedRate>;
          return `${o.code}: ${[p.rate === null ? null : i18n.pct(p.rate), p.note].filter(Boolean).join(' — ')}`;
        })
        .join(' · '),
      { size: 9 },
    );
    r.paragraph(t('publishedRatesSource', { source: published[0]?.publishedRate?.source ?? '' }), {
      size: 8,
      color: COLOURS.muted,
    });
  } else {
    r.text.line(i18n.pct(overall.rate), r.left, r.y, r.width, r.align('start'), {
      size: 26,
      bold: true,
      color: COLOURS.accent,
    });
    r.gap(38);
  }
  // Derived from illustrative activities, the rate is illustrative too: said next to it.
  if (overall.source === 'illustrative')
    r.paragraph(`${t('illustrative')}${t('colon')}${t('illustrativeNote')}`, {
      color: '#8a4b00',
      bold: true,
    });
  r.paragraph(
    t('activitiesCounted', {
      n: overall.counted,
      completed: overall.completed,
      ongoing: overall.ongoing,
      notStarted: overall.notStarted,
    }),
    { color: COLOURS.muted },
  );
  if (overall.notReported > 0)
    r.paragraph(t('notReportedCount', { n: overall.notReported }), { color: COLOURS.muted });
  if (d.plan.budget) {
    r.paragraph(
      `${t('budgetTotal')}${t('colon')}${i18n.money(d.plan.budget.total, d.plan.budget.currency)}`,
      {
        bold: true,
      },
    );
  }
  r.gap(6);
  r.heading(t('headline'), 2);
  const headline = d.indicators.filter(tracked);
  if (headline.length === 0) {
    r.paragraph(
      d.indicators.length === 0
        ? t('noIndicators')
        : t('progressOthers', { n: d.indicators.length, from: d.from, to: d.to }),
    );
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
    headline
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
