import ExcelJS from 'exceljs';
import { LEVELS } from '../../../shared';
import { countryNamer } from '../briefings/country-names';
import type { ComparisonData } from './comparison-data';
import type { ReportI18n } from './i18n';

/** The comparison as a workbook, one sheet per section: the group, level statistics, the heatmap. */
export async function comparisonXlsx(d: ComparisonData, i18n: ReportI18n): Promise<Buffer> {
  const { t } = i18n;
  const { heatmap, caseStudy } = d;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'NAP Tracker';
  wb.created = d.generatedAt;
  const views = i18n.rtl ? [{ rightToLeft: true }] : [];

  const about = wb.addWorksheet(t('group'), { views });
  about.addRows([
    [t('comparisonTitle')],
    [t('group'), i18n.group(heatmap.group)],
    [t('framework'), heatmap.framework],
    [t('period'), heatmap.period],
    [t('data'), t(heatmap.source === 'national' ? 'dataNational' : 'dataPublished')],
    [
      t('classification'),
      heatmap.group.classification
        ? t(heatmap.group.classification.basis === 'today' ? 'classificationToday' : 'classificationRound')
        : '—',
    ],
    [t('members'), heatmap.countries.length],
    [
      t('caseStudy'),
      caseStudy ? `${countryNamer(i18n.lang)(caseStudy.country)} (${caseStudy.country.iso3})` : '—',
    ],
    [t('generatedAt'), d.generatedAt.toISOString()],
  ]);
  about.getColumn(1).width = 24;
  about.getColumn(2).width = 50;

  const stats = wb.addWorksheet(t('statsTable'), { views });
  stats.addRow([
    t('question'),
    t('indicator'),
    t('answered'),
    ...LEVELS,
    t('median'),
    'Q1',
    'Q3',
    ...(caseStudy ? [caseStudy.country.iso3, t('rank'), 'Percentile'] : []),
  ]);
  heatmap.indicators.forEach((ind) => {
    const row = caseStudy?.rows.find((r) => r.indicator.code === ind.code);
    stats.addRow([
      ind.code,
      ind.name,
      ind.stats.n,
      ...LEVELS.map((l) => ind.stats.distribution[l]),
      ind.stats.median,
      ind.stats.q1,
      ind.stats.q3,
      ...(caseStudy ? [row?.countryLevel ?? null, row?.rank ?? null, row?.percentile ?? null] : []),
    ]);
  });
  stats.getRow(1).font = { bold: true };
  stats.getColumn(2).width = 60;

  const grid = wb.addWorksheet(t('heatmap'), { views });
  grid.addRow([t('country'), 'ISO3', ...heatmap.indicators.map((i) => i.code), t('answered'), t('score')]);
  for (const c of heatmap.countries) {
    grid.addRow([countryNamer(i18n.lang)(c), c.iso3, ...c.levels.map((l) => l ?? null), c.answered, c.score]);
  }
  grid.getRow(1).font = { bold: true };
  grid.getColumn(1).width = 30;
  grid.views = [{ state: 'frozen', xSplit: 2, ySplit: 1, rightToLeft: i18n.rtl }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
