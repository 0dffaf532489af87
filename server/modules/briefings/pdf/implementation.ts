import type { ChartConfiguration } from 'chart.js';
import type { BriefingPackData } from '../../../../shared';
import { OKABE_ITO } from '../../../../shared/charts/palette';
import { renderChartPng } from '../../reports/render/chart';
import { COLOURS, type ReportDocument } from '../../reports/render/document';
import { CHART_FONT_FAMILY } from '../../reports/render/fonts';
import { drawTable } from '../../reports/render/table';
import { type PackText, provenanceLabel } from '../pack-format';

/** Okabe–Ito without black and yellow (too dark / too light for a bar next to another). */
const SERIES = [
  OKABE_ITO.blue,
  OKABE_ITO.vermillion,
  OKABE_ITO.bluishGreen,
  OKABE_ITO.orange,
  OKABE_ITO.reddishPurple,
  OKABE_ITO.skyBlue,
];

type Implementation = BriefingPackData['compare']['implementation'];

/** Countries with at least one rate, in the comparison's order. */
export const withRates = (impl: Implementation) =>
  impl.filter((c) => c.objectives.some((o) => o.rate !== null));

/** Grouped horizontal bars: an objective number per group, a country per colour (named in the legend). */
export function implementationChart(
  impl: Implementation,
  pt: PackText,
  name: (iso3: string) => string,
): { config: ChartConfiguration<'bar', (number | null)[], string>; size: { width: number; height: number } } {
  const numbers = [...new Set(impl.flatMap((c) => c.objectives.map((o) => o.number)))].sort((a, b) => a - b);
  const datasets = impl.map((c, i) => ({
    label: name(c.iso3),
    data: numbers.map((n) => c.objectives.find((o) => o.number === n)?.rate ?? null),
    backgroundColor: SERIES[i % SERIES.length] as string,
    borderRadius: 2,
  }));
  return {
    config: {
      type: 'bar',
      data: { labels: numbers.map((n) => pt.i18n.t('briefObjectiveN', { n: pt.i18n.num(n, 0) })), datasets },
      options: {
        indexAxis: 'y',
        scales: {
          x: { min: 0, max: 100, title: { display: true, text: pt.i18n.t('rateAxis') } },
          y: { grid: { display: false }, ticks: { autoSkip: false } },
        },
        plugins: {
          legend: { display: true, position: 'bottom', labels: { font: { family: CHART_FONT_FAMILY } } },
        },
      },
    },
    size: { width: 680, height: Math.max(220, numbers.length * Math.max(1, datasets.length) * 16 + 120) },
  };
}

/** Implementation rates by objective, as published or approved, charted and listed with their titles. */
export function drawImplementationRates(r: ReportDocument, d: BriefingPackData, pt: PackText) {
  const { t } = pt.i18n;
  const impl = withRates(d.compare.implementation);
  const names = new Map(d.compare.countries.map((c) => [c.iso3, pt.country(c)]));
  const name = (iso3: string) => names.get(iso3) ?? iso3;
  const { config, size } = implementationChart(impl, pt, name);
  // A chapter of its own, on the same page when its heading and chart fit (the image is scaled 0.75).
  r.ensure(impl.length ? size.height * 0.75 + 90 : 120);
  r.heading(pt.me.topics.implementation);
  r.paragraph(t('briefImplementationIntro'), { size: 9, color: COLOURS.muted });
  if (impl.length === 0) {
    r.paragraph(t('briefImplementationNone'), { color: COLOURS.muted });
    return;
  }
  r.image(renderChartPng(config as never, size, r.rtl), size);
  drawTable(
    r,
    [
      { header: t('country'), width: 1.3 },
      { header: t('objective'), width: 3.2 },
      { header: t('rate'), width: 0.7, align: 'end' },
      { header: t('briefContent'), width: 1.2 },
    ],
    impl.flatMap((c) =>
      c.objectives.map((o, i) => [
        i === 0 ? { text: `${name(c.iso3)}${c.planName ? `\n${c.planName}` : ''}`, bold: true } : '',
        `${pt.i18n.num(o.number, 0)}. ${o.title}`,
        pt.i18n.pct(o.rate),
        { text: provenanceLabel(pt, o.provenance), color: COLOURS.muted },
      ]),
    ),
    { size: 8 },
  );
}
