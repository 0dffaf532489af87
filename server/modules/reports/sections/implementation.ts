import type { ImplementationRate } from '../../../../shared';
import { implementationChartConfig, type RateRow } from '../../../../shared/charts/implementation-chart';
import type { CountryReportData } from '../country-data';
import type { ReportI18n } from '../i18n';
import { renderChartPng } from '../render/chart';
import { COLOURS, type ReportDocument } from '../render/document';
import { type CellInput, drawTable } from '../render/table';
import { illustrativeCell } from './format';
import type { ChartPlacement } from './progress';

const chartSize = (rows: number) => ({ width: 680, height: Math.max(150, rows * 34 + 70) });

function rateChart(r: ReportDocument, rows: RateRow[], i18n: ReportI18n, charts: ChartPlacement[]) {
  const size = chartSize(rows.length);
  const png = renderChartPng(implementationChartConfig(rows, i18n.t('rateAxis')) as never, size, r.rtl);
  const at = r.image(png, size);
  charts.push({ page: r.doc.bufferedPageRange().count, ...at });
}

/** The counts and the rate; the rate says "Illustrative" when it is computed from illustrative activities. */
const counts = (i18n: ReportI18n, rate: ImplementationRate): CellInput[] => [
  i18n.num(rate.counted, 0),
  i18n.num(rate.completed, 0),
  i18n.num(rate.ongoing, 0),
  i18n.num(rate.notStarted, 0),
  { ...illustrativeCell(i18n, i18n.pct(rate.rate), rate.source === 'illustrative'), bold: true },
];

/** Implementation rates by objective and by One Health sector (shared/domain/implementation.ts), with the activities. */
export function drawImplementation(
  r: ReportDocument,
  d: CountryReportData,
  i18n: ReportI18n,
  charts: ChartPlacement[],
): void {
  const { t } = i18n;
  const { plan } = d;
  r.newPage();
  r.heading(`4. ${t('implementation')}`);
  r.paragraph(t('implementationRule'), { size: 8.5, color: COLOURS.muted });
  // Field by field: rates computed from illustrative activities are marked, budgets (published) are not.
  const illustrative = plan.activities.some((a) => a.illustrative);
  if (illustrative) r.note(`${t('illustrative')}: ${t('illustrativeNote')}`);
  if (plan.sourceNote)
    r.paragraph(`${t('sources')}: ${plan.sourceNote}`, { size: 8.5, color: COLOURS.muted });
  const countHeaders = [
    { header: t('activities'), width: 0.8, align: 'end' as const },
    { header: t('completed'), width: 0.9, align: 'end' as const },
    { header: t('ongoing'), width: 0.8, align: 'end' as const },
    { header: t('notStarted'), width: 0.9, align: 'end' as const },
    { header: t('rate'), width: 0.7, align: 'end' as const },
  ];

  r.heading(t('byObjective'), 2);
  rateChart(
    r,
    plan.objectives.map((o) => ({ label: o.code, rate: o.implementation.rate })),
    i18n,
    charts,
  );
  drawTable(
    r,
    [
      { header: t('objective'), width: 3 },
      { header: t('budget'), width: 1.1, align: 'end' },
      ...countHeaders,
    ],
    plan.objectives.map((o) => [
      `${o.code} ${o.title}`,
      o.budget !== null && o.currency ? i18n.money(o.budget, o.currency) : '—',
      ...counts(i18n, o.implementation),
    ]),
  );

  r.heading(t('bySector'), 2);
  const sectors = plan.implementation.bySector;
  rateChart(
    r,
    sectors.map((s) => ({ label: t(s.sector), rate: s.rate })),
    i18n,
    charts,
  );
  drawTable(
    r,
    [{ header: t('sector'), width: 3 }, ...countHeaders],
    sectors.map((s) => [t(s.sector), ...counts(i18n, s)]),
  );

  r.heading(t('activities'), 2);
  drawTable(
    r,
    [
      { header: t('activities'), width: 4 },
      { header: t('sector'), width: 2 },
      { header: t('status'), width: 1.1 },
      { header: '%', width: 0.6, align: 'end' },
    ],
    plan.activities.map((a) => [
      illustrativeCell(i18n, `${a.code} ${a.title}`, a.illustrative),
      a.sectors.map((s) => t(s)).join(', '),
      t(a.implementationStatus === 'not_started' ? 'notStarted' : a.implementationStatus),
      a.percentComplete === null ? '—' : i18n.num(a.percentComplete, 0),
    ]),
  );
}
