import { scoreLabel } from '../../../../shared';
import { compareChartConfig, toCompareChartData } from '../../../../shared/charts/compare-chart';
import { CASE_STUDY } from '../country-data';
import { renderChartPng } from '../render/chart';
import { COLOURS } from '../render/document';
import { drawTable } from '../render/table';
import type { ChartedSection } from './progress';

export const PEER_CHART = { width: 680, height: 300 } as const;

const score = (n: number | null) => (n === null ? '—' : scoreLabel(n));

/** TrACSS levels of the country against its WHO region (the compare service's numbers) and the case study. */
export const drawPeer: ChartedSection = (r, d, i18n, charts) => {
  const { t } = i18n;
  r.section(`3. ${t('peer')}`);
  if (!d.peer) {
    r.paragraph(t('peerNone', { country: d.country.name }));
    return;
  }
  const { compare, caseStudy } = d.peer;
  const group = i18n.group(compare.group);
  r.paragraph(`${t('peerIntro', { country: d.country.name, group })} (TrACSS ${compare.period})`);
  if (compare.rows.every((row) => row.countryLevel === null))
    r.paragraph(t('peerNone', { country: d.country.name }), { color: COLOURS.warn });
  const data = toCompareChartData(
    compare.rows,
    { country: d.country.name, group },
    { middleHalf: t('middleHalf'), median: t('medianWord') },
  );
  const config = compareChartConfig(data, { x: t('questionAxis'), y: t('levelAxis') });
  const at = r.image(renderChartPng(config as never, PEER_CHART, r.rtl), PEER_CHART);
  charts.push({ page: r.doc.bufferedPageRange().count, ...at });
  const caseName = `${t('caseStudy')}${t('colon')}${CASE_STUDY}`;
  drawTable(
    r,
    [
      { header: t('question'), width: 3.4 },
      { header: d.country.iso3, width: 0.8, align: 'center' },
      ...(caseStudy ? [{ header: caseName, width: 1, align: 'center' as const }] : []),
      { header: t('median'), width: 0.8, align: 'center' },
      { header: 'Q1', width: 0.6, align: 'center' },
      { header: 'Q3', width: 0.6, align: 'center' },
      { header: t('rank'), width: 0.7, align: 'end' },
      { header: t('answered'), width: 0.8, align: 'end' },
    ],
    compare.rows.map((row) => [
      `${row.indicator.code} ${row.indicator.name}`,
      { text: row.countryLevel ?? '—', bold: true },
      ...(caseStudy ? [caseStudy.get(row.indicator.code) ?? '—'] : []),
      score(row.stats.median),
      score(row.stats.q1),
      score(row.stats.q3),
      row.rank === null ? '—' : i18n.num(row.rank, 0),
      i18n.num(row.stats.n, 0),
    ]),
  );
};
