import type { CountryReportData } from '../country-data';
import type { ReportI18n, ReportKey } from '../i18n';
import type { ReportDocument } from '../render/document';
import { drawTable } from '../render/table';
import { hasIllustrative } from './format';

const STATE_FILL: Record<string, string> = {
  approved: '#d6f0e6',
  submitted: '#fbecc8',
  draft: '#fbecc8',
  returned: '#f7d9c7',
};

/** Reporting periods and their approval, missing / not applicable values, and how to read them. */
export function drawDataQuality(r: ReportDocument, d: CountryReportData, i18n: ReportI18n, n = 5): void {
  const { t } = i18n;
  r.section(`${n}. ${t('dataQuality')}`);
  r.heading(t('dqPeriods'), 2);
  if (d.periods.length === 0) r.paragraph(t('noPeriods'));
  else
    drawTable(
      r,
      [
        { header: t('period'), width: 1 },
        { header: t('due'), width: 1 },
        { header: t('state'), width: 2.2 },
        { header: t('reason'), width: 2.5 },
      ],
      d.periods.map((p) => [
        p.period.code,
        p.period.dueDate,
        { text: t(p.submission.state as ReportKey), fill: STATE_FILL[p.submission.state] ?? '#eceff2' },
        p.submission.state === 'returned' ? (p.submission.reason ?? '') : '',
      ]),
    );
  r.heading(t('dqValues'), 2);
  if (d.gaps.length === 0) r.paragraph(t('dqNone'));
  else
    drawTable(
      r,
      [
        { header: t('indicator'), width: 3 },
        { header: t('period'), width: 1 },
        { header: t('status'), width: 1.2 },
        { header: t('reason'), width: 2.3 },
      ],
      d.gaps.map((g) => [
        g.indicator,
        g.periodCode,
        t(g.status === 'not_applicable' ? 'not_applicable' : 'no_data'),
        g.reason ?? '—',
      ]),
    );
  r.note(t('dqUnapproved'));
  r.note(t('dqImported'));
  if (hasIllustrative(d.plan)) r.note(t('illustrativeNote'));
  r.heading(t('sources'), 2);
  r.paragraph(t('sourceTracss', { round: '2019–2020' }), { size: 8.5 });
  if (d.plan.sourceNote) r.paragraph(d.plan.sourceNote, { size: 8.5 });
}
