import ExcelJS from 'exceljs';
import { BRIEFING_TOPICS, type BriefingPackData, isMeStep } from '../../../shared';
import { meTopicLabel } from '../../../shared/i18n/me-profile';
import { comma, groupLabel, packText, SourceRegistry, sessionDate } from './pack-format';
import { profileSheet, sideBySideSheet } from './xlsx/profile';
import { addSheet, type SheetContext, wrapped } from './xlsx/sheet';
import { implementationSheet, learningSheets, tracssSheet } from './xlsx/tables';

/** The pack as a workbook: the same content as the PDF, a sheet per part, every cited source numbered. */
export async function briefingPackXlsx(d: BriefingPackData): Promise<Buffer> {
  const pt = packText(d.session.lang);
  const { t } = pt.i18n;
  const rtl = pt.i18n.rtl;
  const sources = new SourceRegistry();
  const topics = BRIEFING_TOPICS.filter((topic) => d.session.topics.includes(topic));
  const wb = new ExcelJS.Workbook();
  wb.creator = 'NAP Tracker';
  wb.created = new Date(d.generatedAt);
  const s = d.session;
  const x: SheetContext = { wb, d, pt, sources, rtl };

  const about = addSheet(x, t('briefSheetSession'), [t('briefTitle'), s.title], [26, 80]);
  const caseStudy = d.caseStudy?.country ?? s.countries.find((c) => c.iso3 === s.caseStudy);
  about.addRows([
    [t('briefDate'), sessionDate(pt, s.date)],
    [t('briefGroup'), groupLabel(pt, s.groupType, s.group, s.countries.length)],
    [t('caseStudy'), caseStudy ? `${pt.country(caseStudy)} (${caseStudy.iso3})` : t('briefNoCaseStudy')],
    [t('briefLanguage'), t('briefLanguageName')],
    [t('briefTopics'), topics.map((topic) => meTopicLabel(pt.me, topic)).join('\n')],
    [t('generatedAt'), d.generatedAt],
    [t('briefCountries'), s.countries.map(pt.country).join(comma(pt))],
    [t('briefAgenda'), s.agenda ?? ''],
    [t('briefPublicOnly')],
  ]);
  wrapped(about);

  if (topics.includes('case_study')) profileSheet(x);
  const steps = topics.filter(isMeStep);
  if (steps.length) sideBySideSheet(x, steps);
  if (topics.includes('tracss')) tracssSheet(x);
  if (topics.includes('implementation')) implementationSheet(x);
  if (topics.includes('learning')) learningSheets(x);

  const src = addSheet(
    x,
    t('briefSheetSources'),
    ['#', t('briefTitleCol'), t('briefLocator'), t('briefUrl')],
    [6, 70, 20, 60],
  );
  sources.list.forEach((source, i) => {
    src.addRow([i + 1, source.title, source.locator, source.url]);
  });
  src.addRow([]);
  const tracss = d.compare.tracss;
  if (tracss && topics.includes('tracss')) src.addRow(['', t('sourceTracss', { round: tracss.period })]);
  src.addRow(['', t('briefProvenancePublished')]);
  src.addRow(['', t('briefProvenanceNational')]);
  wrapped(src);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
