import type { CountryReportData } from '../country-data';
import type { ReportI18n } from '../i18n';
import { COLOURS, PAGE, type ReportDocument } from '../render/document';
import { drawTable } from '../render/table';
import { hasIllustrative } from './format';

/** Cover: the plan and country in a band, then what the report covers, when and for whom it was made. */
export function drawCover(r: ReportDocument, d: CountryReportData, i18n: ReportI18n): void {
  const { t } = i18n;
  r.doc.rect(0, 0, PAGE.width, 250).fill(COLOURS.accent);
  const white = { color: '#ffffff' };
  r.text.line(t('reportTitle'), r.left, 70, r.width, r.align('start'), { size: 13, ...white });
  r.text.paragraph(d.country.name, r.left, 100, r.width, r.align('start'), {
    size: 30,
    bold: true,
    ...white,
  });
  r.text.line(t('reportSubtitle'), r.left, 150, r.width, r.align('start'), { size: 16, ...white });
  r.text.line(`${d.from}–${d.to}`, r.left, 180, r.width, r.align('start'), {
    size: 16,
    bold: true,
    ...white,
  });
  r.y = 290;
  const rows: string[][] = [
    [t('country'), `${d.country.name} (${d.country.iso3})`],
    [t('plan'), d.plan.title + (d.plan.illustrative ? ` — ${t('illustrative')}` : '')],
    [t('planPeriod'), `${d.plan.periodStart}–${d.plan.periodEnd}`],
    [t('planStatus'), t(`plan_${d.plan.status}`)],
    [t('years'), `${d.from}–${d.to}`],
    [t('generatedAt'), i18n.date(d.generatedAt)],
    [t('generatedBy'), d.generatedBy ?? t('anonymous')],
    [t('dataStatus'), d.visibility === 'all' ? t('dataStatusAll') : t('dataStatusApproved')],
  ];
  drawTable(
    r,
    [
      { header: '', width: 1 },
      { header: '', width: 2.6 },
    ],
    rows.map(([k, v]) => [{ text: k ?? '', bold: true }, v ?? '']),
    { header: false },
  );
  r.gap(6);
  r.heading(t('contents'), 2);
  const sections = [
    'summary',
    'progress',
    'peer',
    'implementation',
    ...(d.plan.indicators.some((i) => i.planningElement) ? (['mePlan'] as const) : []),
    'dataQuality',
  ] as const;
  sections.forEach((s, i) => {
    r.paragraph(`${i + 1}. ${t(s)}`, { size: 10 });
  });
  r.gap(8);
  if (hasIllustrative(d.plan)) r.note(t('illustrativeNote'));
}
