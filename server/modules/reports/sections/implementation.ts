import type { ImplementationRate, Plan } from '../../../../shared';
import { implementationChartConfig, type RateRow } from '../../../../shared/charts/implementation-chart';
import type { ReportI18n } from '../i18n';
import { renderChartPng } from '../render/chart';
import { COLOURS, type ReportDocument } from '../render/document';
import { type CellInput, drawTable } from '../render/table';
import { illustrativeCell } from './format';
import type { ChartedSection, ChartPlacement } from './progress';

const chartSize = (rows: number, series = 1) => ({
  width: 680,
  height: Math.max(150, rows * 34 * Math.max(1, series * 0.8) + 70),
});

function rateChart(r: ReportDocument, rows: RateRow[], i18n: ReportI18n, charts: ChartPlacement[]) {
  const config = implementationChartConfig(rows, i18n.t('rateAxis'), {
    computed: i18n.t('computedRate'),
    published: i18n.t('publishedSeries'),
  });
  const size = chartSize(rows.length, config.data.datasets.length);
  const png = renderChartPng(config as never, size, r.rtl);
  const at = r.image(png, size);
  charts.push({ page: r.doc.bufferedPageRange().count, ...at });
}

/**
 * The counts and the rate; the rate says "Illustrative" when it is computed from illustrative
 * activities. The counts by status only when some activity has one.
 */
const counts = (i18n: ReportI18n, rate: ImplementationRate, byStatus: boolean): CellInput[] => [
  i18n.num(rate.counted, 0),
  ...(byStatus ? [i18n.num(rate.completed, 0), i18n.num(rate.ongoing, 0), i18n.num(rate.notStarted, 0)] : []),
  i18n.num(rate.notReported, 0),
  { ...illustrativeCell(i18n, i18n.pct(rate.rate), rate.source === 'illustrative'), bold: true },
];

/** A published rate, marked as such with its source (named under the table). */
const publishedCell = (i18n: ReportI18n, o: Plan['objectives'][number]): CellInput => {
  const p = o.publishedRate;
  if (!p) return '—';
  const value = [p.rate === null ? null : i18n.pct(p.rate), p.note].filter(Boolean).join(' — ');
  return {
    text: `${value} [${i18n.t('publishedMark', { source: i18n.t('evaluation') })}]`,
    color: '#24435e',
  };
};

/**
 * Implementation rates by objective (computed, and as published with their source) and by One Health
 * sector (shared/domain/implementation.ts), the budget by objective and year, and the activities
 * under their strategic interventions with timeline and responsible entity.
 */
export const drawImplementation: ChartedSection = (r, d, i18n, charts) => {
  const { t } = i18n;
  const { plan } = d;
  r.section(`4. ${t('implementation')}`);
  r.paragraph(t('implementationRule'), { size: 8.5, color: COLOURS.muted });
  // Field by field: rates computed from illustrative activities are marked, budgets (published) are not.
  const illustrative = plan.activities.some((a) => a.illustrative);
  if (illustrative) r.note(`${t('illustrative')}${t('colon')}${t('illustrativeNote')}`);
  const published = plan.objectives.some((o) => o.publishedRate);
  const computed = plan.objectives.some((o) => o.implementation.rate !== null);
  const byStatus = plan.implementation.overall.counted + plan.implementation.overall.cancelled > 0;
  const countHeaders = [
    { header: t('counted'), width: 0.9, align: 'end' as const },
    ...(byStatus
      ? [
          { header: t('completed'), width: 0.9, align: 'end' as const },
          { header: t('ongoing'), width: 0.8, align: 'end' as const },
          { header: t('notStarted'), width: 0.9, align: 'end' as const },
        ]
      : []),
    { header: t('notReported'), width: 0.9, align: 'end' as const },
    { header: t('computedRate'), width: 0.9, align: 'end' as const },
  ];

  r.heading(t('byObjective'), 2);
  if (!computed && published) r.paragraph(t('noComputedRate'), { size: 8.5 });
  rateChart(
    r,
    plan.objectives.map((o) => ({
      label: o.code,
      rate: o.implementation.rate,
      ...(published ? { published: o.publishedRate?.rate ?? null } : {}),
    })),
    i18n,
    charts,
  );
  drawTable(
    r,
    [
      { header: t('objective'), width: 2.6 },
      { header: t('budget'), width: 1.1, align: 'end' },
      { header: t('activities'), width: 0.9, align: 'end' },
      ...countHeaders,
      ...(published ? [{ header: t('publishedRate'), width: 1.4, align: 'end' as const }] : []),
    ],
    plan.objectives.map((o) => [
      `${o.code} ${o.title}`,
      o.budget !== null && o.currency ? i18n.money(o.budget, o.currency) : '—',
      i18n.num(plan.activities.filter((a) => a.objectiveId === o.id).length, 0),
      ...counts(i18n, o.implementation, byStatus),
      ...(published ? [publishedCell(i18n, o)] : []),
    ]),
    { size: 7.5 },
  );
  if (published) {
    if (plan.implementation.overall.rate === null)
      r.paragraph(`${t('overallRate')}${t('colon')}${t('publishedByObjectiveOnly')}`, { size: 8.5 });
    for (const s of new Set(
      plan.objectives.flatMap((o) => (o.publishedRate ? [o.publishedRate.source] : [])),
    ))
      r.paragraph(t('publishedRatesSource', { source: s }), { size: 8, color: COLOURS.muted });
  }

  drawBudgetByYear(r, plan, i18n);

  r.heading(t('bySector'), 2);
  const sectors = plan.implementation.bySector;
  if (sectors.length === 0) r.paragraph(t('noSectorRates'), { size: 8.5 });
  else {
    rateChart(
      r,
      sectors.map((s) => ({ label: t(s.sector), rate: s.rate })),
      i18n,
      charts,
    );
    drawTable(
      r,
      [{ header: t('sector'), width: 3 }, ...countHeaders],
      sectors.map((s) => [t(s.sector), ...counts(i18n, s, byStatus)]),
    );
  }

  r.heading(t('activities'), 2);
  const interventions = new Map(plan.interventions.map((i) => [i.id, i]));
  const withTimeline = plan.activities.some((a) => a.timeline !== null || a.leadAgency !== null);
  const withPercent = plan.activities.some((a) => a.percentComplete !== null);
  drawTable(
    r,
    [
      { header: t('activities'), width: 3.4 },
      ...(plan.interventions.length ? [{ header: t('intervention'), width: 1.05 }] : []),
      ...(withTimeline
        ? [
            { header: t('timeline'), width: 1.1 },
            { header: t('responsible'), width: 1.5 },
          ]
        : [{ header: t('sector'), width: 2 }]),
      { header: t('status'), width: 1 },
      ...(withPercent ? [{ header: '%', width: 0.5, align: 'end' as const }] : []),
    ],
    plan.activities.map((a) => [
      illustrativeCell(i18n, `${a.code} ${a.title}`, a.illustrative),
      ...(plan.interventions.length
        ? [a.interventionId !== null ? (interventions.get(a.interventionId)?.code ?? '—') : '—']
        : []),
      ...(withTimeline ? [a.timeline ?? '—', a.leadAgency ?? '—'] : [a.sectors.map((s) => t(s)).join(', ')]),
      t(a.implementationStatus === 'not_started' ? 'notStarted' : a.implementationStatus),
      ...(withPercent ? [a.percentComplete === null ? '—' : i18n.num(a.percentComplete, 0)] : []),
    ]),
    { size: 7.5 },
  );
  if (plan.interventions.length) {
    r.heading(t('intervention'), 2);
    drawTable(
      r,
      [
        { header: t('intervention'), width: 0.8 },
        { header: t('intervention'), width: 5 },
      ],
      plan.interventions.map((i) => [
        i.code,
        i.strategicObjective
          ? `${i.title} (${i.strategicObjective.code} ${i.strategicObjective.title})`
          : i.title,
      ]),
      { size: 7.5, header: false },
    );
  }
};

/** The objectives' budgets by year of the plan ("Year 1" …) with their source; nothing without any. */
function drawBudgetByYear(r: ReportDocument, plan: Plan, i18n: ReportI18n) {
  const { t } = i18n;
  const years = [...new Set(plan.objectives.flatMap((o) => o.budgetByYear.map((b) => b.planYear)))].sort(
    (a, b) => a - b,
  );
  if (years.length === 0) return;
  r.heading(t('budgetByYear'), 2);
  const money = (n: number | null | undefined, currency: string | null) =>
    n == null || !currency ? '—' : i18n.money(n, currency);
  const currency = plan.objectives.find((o) => o.currency)?.currency ?? null;
  const cents = (y: number) =>
    plan.objectives.reduce(
      (s, o) => s + Math.round((o.budgetByYear.find((b) => b.planYear === y)?.amount ?? 0) * 100),
      0,
    ) / 100;
  drawTable(
    r,
    [
      { header: t('objective'), width: 0.8 },
      ...years.map((y) => ({ header: t('yearN', { n: y }), width: 1, align: 'end' as const })),
      { header: t('total'), width: 1.1, align: 'end' },
    ],
    [
      ...plan.objectives.map((o) => [
        o.code,
        ...years.map((y) => money(o.budgetByYear.find((b) => b.planYear === y)?.amount, o.currency)),
        money(o.budget, o.currency),
      ]),
      [
        { text: t('total'), bold: true },
        ...years.map((y) => ({ text: money(cents(y), currency), bold: true })),
        { text: plan.budget ? money(plan.budget.total, plan.budget.currency) : '—', bold: true },
      ],
    ],
    { size: 7.5 },
  );
  r.paragraph(t('budgetYearsNote'), { size: 8, color: COLOURS.muted });
  for (const s of new Set(plan.objectives.flatMap((o) => o.budgetByYear.flatMap((b) => b.source ?? []))))
    r.paragraph(`${t('sources')}${t('colon')}${s}`, { size: 8, color: COLOURS.muted });
}
