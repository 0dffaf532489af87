import { LEVELS, scoreLabel } from '../../../shared';
import { distributionChartConfig, toDistributionChartData } from '../../../shared/charts/distribution-chart';
import { LEVEL_COLOURS } from '../../../shared/charts/palette';
import { countryNamer } from '../briefings/country-names';
import type { ComparisonData } from './comparison-data';
import type { ReportI18n } from './i18n';
import { renderChartPng } from './render/chart';
import { COLOURS, ReportDocument, toBuffer } from './render/document';
import { CHART_FONT_FAMILY } from './render/fonts';
import { type CellInput, drawTable } from './render/table';

const score = (n: number | null) => (n === null ? '—' : scoreLabel(n));

/** The comparison report: the group's level distribution (chart + table with rank) and the heatmap. */
export async function comparisonPdf(d: ComparisonData, i18n: ReportI18n): Promise<Buffer> {
  const { t } = i18n;
  const { heatmap, caseStudy } = d;
  const named = countryNamer(i18n.lang);
  const groupName = i18n.group(heatmap.group);
  const title = `${t('comparisonTitle')} — ${groupName}`;
  const r = new ReportDocument({ title, author: 'NAP Tracker', lang: i18n.lang }, i18n.rtl, title);
  r.heading(t('comparisonTitle'));
  drawTable(
    r,
    [
      { header: '', width: 1 },
      { header: '', width: 3 },
    ],
    [
      [t('group'), groupName],
      [t('framework'), `${heatmap.framework} (${heatmap.period})`],
      [t('data'), t(heatmap.source === 'national' ? 'dataNational' : 'dataPublished')],
      ...(heatmap.group.classification
        ? [
            [
              t('classification'),
              t(
                heatmap.group.classification.basis === 'today'
                  ? 'classificationToday'
                  : 'classificationRound',
              ),
            ],
          ]
        : []),
      [t('members'), i18n.num(heatmap.countries.length, 0)],
      [t('caseStudy'), caseStudy ? `${named(caseStudy.country)} (${caseStudy.country.iso3})` : '—'],
      [t('generatedAt'), i18n.date(d.generatedAt)],
    ].map(([k, v]) => [{ text: k ?? '', bold: true }, v ?? '']),
    { header: false },
  );

  const rows = heatmap.indicators.map((ind) => ({
    ...(caseStudy?.rows.find((x) => x.indicator.code === ind.code) ?? {}),
    indicator: { ...ind, sectors: [], levels: null },
    stats: ind.stats,
  }));
  const labelled = caseStudy
    ? [
        {
          name: caseStudy.country.iso3,
          levels: new Map(caseStudy.rows.map((x) => [x.indicator.code, x.countryLevel])),
        },
      ]
    : [];
  const data = toDistributionChartData(rows as never, labelled, t('level'));
  const config = distributionChartConfig(data, rows as never, {
    axisTitle: t('shareAxis'),
    fontFamily: CHART_FONT_FAMILY,
  });
  // On paper every question keeps its label (the screen skips some when crowded).
  const y = config.options?.scales?.y;
  if (y) y.ticks = { ...y.ticks, autoSkip: false, font: { size: 10 } };
  const size = { width: 680, height: Math.max(260, rows.length * 23 + 90) };
  // The heading stays with its chart.
  r.ensure(size.height * 0.75 + 40);
  r.heading(t('distribution'), 2);
  r.image(renderChartPng(config as never, size, r.rtl), size);

  r.heading(t('statsTable'), 2);
  drawTable(
    r,
    [
      { header: t('question'), width: 3.2 },
      { header: t('answered'), width: 1, align: 'end' },
      ...LEVELS.map((l) => ({ header: l, width: 0.45, align: 'end' as const })),
      { header: t('median'), width: 0.8, align: 'center' },
      { header: 'Q1', width: 0.5, align: 'center' },
      { header: 'Q3', width: 0.5, align: 'center' },
      ...(caseStudy
        ? [
            { header: caseStudy.country.iso3, width: 0.6, align: 'center' as const },
            { header: t('rank'), width: 0.6, align: 'end' as const },
          ]
        : []),
    ],
    heatmap.indicators.map((ind) => {
      const c = caseStudy?.rows.find((x) => x.indicator.code === ind.code);
      return [
        `${ind.code} ${ind.name}`,
        i18n.num(ind.stats.n, 0),
        ...LEVELS.map((l) => i18n.num(ind.stats.distribution[l], 0)),
        score(ind.stats.median),
        score(ind.stats.q1),
        score(ind.stats.q3),
        ...(caseStudy
          ? [{ text: c?.countryLevel ?? '—', bold: true }, c?.rank == null ? '—' : i18n.num(c.rank, 0)]
          : []),
      ];
    }),
    { size: 7.5 },
  );

  r.section(t('heatmap'));
  drawTable(
    r,
    [
      { header: t('country'), width: 4 },
      ...heatmap.indicators.map((i) => ({ header: i.code, width: 1, align: 'center' as const })),
      { header: t('score'), width: 1.9, align: 'end' },
    ],
    heatmap.countries.map((c): CellInput[] => [
      { text: named(c), bold: c.iso3 === caseStudy?.country.iso3 },
      ...c.levels.map((l) =>
        l
          ? { text: l, fill: LEVEL_COLOURS[l].fill, color: LEVEL_COLOURS[l].ink }
          : { text: '·', color: COLOURS.muted },
      ),
      c.score === null ? '—' : i18n.num(c.score, 2),
    ]),
    { size: 6.5 },
  );
  const done = toBuffer(r.doc);
  r.finish((n, total) => ({
    left: t('source', { round: heatmap.period }),
    right: t('page', { n, total }),
  }));
  return done;
}
