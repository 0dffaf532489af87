import { BRIEFING_TOPICS, type BriefingPackData } from '../../../../shared';
import { meTopicLabel } from '../../../../shared/i18n/me-profile';
import { COLOURS, PAGE, type ReportDocument } from '../../reports/render/document';
import { drawTable } from '../../reports/render/table';
import { groupLabel, type PackText, sessionDate } from '../pack-format';

/** Cover: the session in a band, then what, for whom and from which data; the countries; the agenda. */
export function drawPackCover(r: ReportDocument, d: BriefingPackData, pt: PackText): void {
  const { t } = pt.i18n;
  const s = d.session;
  const white = { color: '#ffffff' };
  const titleStyle = { size: 24, bold: true, ...white };
  const titleLines = r.text.wrap(s.title, r.width, titleStyle).length;
  const titleHeight = titleLines * r.text.lineHeight(titleStyle);
  const band = 150 + titleHeight;
  r.doc.rect(0, 0, PAGE.width, band).fill(COLOURS.accent);
  r.text.line(t('briefTitle'), r.left, 60, r.width, r.align('start'), { size: 13, bold: true, ...white });
  r.text.paragraph(t('briefSubtitle'), r.left, 80, r.width, r.align('start'), { size: 10.5, ...white });
  r.text.paragraph(s.title, r.left, 112, r.width, r.align('start'), titleStyle);
  r.text.line(sessionDate(pt, s.date), r.left, 118 + titleHeight, r.width, r.align('start'), {
    size: 14,
    ...white,
  });
  r.y = band + 30;

  const caseStudy = d.caseStudy?.country ?? s.countries.find((c) => c.iso3 === s.caseStudy);
  const topics = BRIEFING_TOPICS.filter((x) => s.topics.includes(x)).map((x) => meTopicLabel(pt.me, x));
  const rows: [string, string][] = [
    [t('briefDate'), sessionDate(pt, s.date)],
    [t('briefGroup'), groupLabel(pt, s.groupType, s.group, s.countries.length)],
    [
      t('caseStudy'),
      caseStudy ? `${pt.country(caseStudy)} (${caseStudy.iso3})` : (s.caseStudy ?? t('briefNoCaseStudy')),
    ],
    [t('briefLanguage'), t('briefLanguageName')],
    [t('briefTopics'), topics.join('\n')],
    [t('generatedAt'), pt.i18n.date(new Date(d.generatedAt))],
  ];
  drawTable(
    r,
    [
      { header: '', width: 1 },
      { header: '', width: 2.8 },
    ],
    rows.map(([k, v]) => [{ text: k, bold: true }, v]),
    { header: false, size: 9.5 },
  );
  r.note(t('briefPublicOnly'));
  r.heading(t('briefCountries'), 2);
  r.paragraph(
    s.countries
      .map(pt.country)
      .sort((a, b) => a.localeCompare(b, pt.i18n.lang))
      .join(' · '),
  );
  if (s.agenda) {
    r.gap(6);
    r.heading(t('briefAgenda'), 2);
    r.paragraph(s.agenda, { size: 10 });
  }
}
