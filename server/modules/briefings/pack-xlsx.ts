import ExcelJS from 'exceljs';
import { BRIEFING_TOPICS, type BriefingPackData, isMeStep, ME_FIELDS, ME_STEPS } from '../../../shared';
import { meTopicLabel } from '../../../shared/i18n/me-profile';
import {
  citedSources,
  comma,
  fieldDef,
  formatMeValue,
  groupLabel,
  type PackText,
  packText,
  provenanceLabel,
  publicSection,
  SourceRegistry,
  sessionDate,
} from './pack-format';
import { withRates } from './pdf/implementation';

type Cell = string | number | null;

/** A sheet whose first row is a bold header kept in view (frozen), right to left in Arabic. */
function addSheet(wb: ExcelJS.Workbook, name: string, header: string[], widths: number[], rtl: boolean) {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1, rightToLeft: rtl }] });
  ws.addRow(header).font = { bold: true };
  widths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  return ws;
}

const wrapped = (ws: ExcelJS.Worksheet) =>
  ws.eachRow((row) => {
    row.alignment = { wrapText: true, vertical: 'top' };
  });

/** The pack as a workbook: the same content as the PDF, a sheet per part, every cited source numbered. */
export async function briefingPackXlsx(d: BriefingPackData): Promise<Buffer> {
  const pt: PackText = packText(d.session.lang);
  const { t } = pt.i18n;
  const rtl = pt.i18n.rtl;
  const sources = new SourceRegistry();
  const topics = BRIEFING_TOPICS.filter((x) => d.session.topics.includes(x));
  const wb = new ExcelJS.Workbook();
  wb.creator = 'NAP Tracker';
  wb.created = new Date(d.generatedAt);
  const s = d.session;

  const about = addSheet(wb, t('briefSheetSession'), [t('briefTitle'), s.title], [26, 80], rtl);
  const caseStudy = d.caseStudy?.country ?? s.countries.find((c) => c.iso3 === s.caseStudy);
  about.addRows([
    [t('briefDate'), sessionDate(pt, s.date)],
    [t('briefGroup'), groupLabel(pt, s.groupType, s.group, s.countries.length)],
    [t('caseStudy'), caseStudy ? `${pt.country(caseStudy)} (${caseStudy.iso3})` : t('briefNoCaseStudy')],
    [t('briefLanguage'), t('briefLanguageName')],
    [t('briefTopics'), topics.map((x) => meTopicLabel(pt.me, x)).join('\n')],
    [t('generatedAt'), d.generatedAt],
    [t('briefCountries'), s.countries.map(pt.country).join(comma(pt))],
    [t('briefAgenda'), s.agenda ?? ''],
    [t('briefPublicOnly')],
  ]);
  wrapped(about);

  if (topics.includes('case_study')) {
    const ws = addSheet(
      wb,
      t('briefSheetProfile'),
      [t('briefStep'), t('briefField'), t('briefValue'), t('sources'), t('briefContent')],
      [34, 32, 60, 12, 20],
      rtl,
    );
    for (const step of ME_STEPS) {
      const { content, provenance } = publicSection(d.caseStudy?.sections.find((x) => x.section === step));
      if (!content || !('fields' in content)) continue;
      const cite = (refs: readonly number[]) => sources.refs(citedSources(content, refs));
      for (const def of ME_FIELDS[step]) {
        const a = content.fields[def.key];
        if (!a) continue;
        const value: Cell = typeof a.value === 'number' ? a.value : formatMeValue(pt, def, a.value);
        ws.addRow([
          pt.me.sections[step],
          pt.me.fields[def.key] ?? def.key,
          value,
          cite(a.sources),
          provenanceLabel(pt, provenance),
        ]);
      }
      if (content.text)
        ws.addRow([
          pt.me.sections[step],
          t('briefText'),
          content.text,
          cite(content.textSources),
          provenanceLabel(pt, provenance),
        ]);
    }
    wrapped(ws);
  }

  const steps = topics.filter(isMeStep);
  if (steps.length) {
    const countries = d.compare.countries;
    const ws = addSheet(
      wb,
      t('briefSheetSideBySide'),
      [t('briefStep'), t('briefField'), ...countries.map((c) => pt.country(c))],
      [30, 30, ...countries.map(() => 28)],
      rtl,
    );
    for (const step of steps) {
      const rows = d.compare.rows.filter((x) => x.section === step);
      if (rows.length === 0) continue;
      ws.addRow([
        pt.me.sections[step],
        t('briefContent'),
        ...countries.map((c) =>
          provenanceLabel(
            pt,
            rows.flatMap((x) => x.cells).find((x) => x.iso3 === c.iso3 && x.provenance)?.provenance ?? null,
          ),
        ),
      ]);
      for (const row of rows)
        ws.addRow([
          pt.me.sections[step],
          pt.me.fields[row.field] ?? row.field,
          ...countries.map((c): Cell => {
            const cell = row.cells.find((x) => x.iso3 === c.iso3);
            if (!cell || cell.value === null) return null;
            const refs = sources.refs(cell.sources);
            return `${formatMeValue(pt, fieldDef(row.field), cell.value)}${refs ? ` ${refs}` : ''}`;
          }),
        ]);
    }
    ws.views = [{ state: 'frozen', ySplit: 1, xSplit: 2, rightToLeft: rtl }];
    wrapped(ws);
  }

  const tracss = d.compare.tracss;
  if (topics.includes('tracss') && tracss) {
    const ws = addSheet(
      wb,
      t('briefSheetTracss'),
      [t('country'), 'ISO3', ...tracss.questions.map((q) => `${q.code} ${q.name}`)],
      [28, 8, ...tracss.questions.map(() => 22)],
      rtl,
    );
    for (const c of d.compare.countries)
      ws.addRow([
        pt.country(c),
        c.iso3,
        ...tracss.questions.map((q) => q.levels.find((l) => l.iso3 === c.iso3)?.level ?? null),
      ]);
    ws.getRow(1).alignment = { wrapText: true, vertical: 'top' };
    ws.views = [{ state: 'frozen', ySplit: 1, xSplit: 2, rightToLeft: rtl }];
  }

  if (topics.includes('implementation')) {
    const ws = addSheet(
      wb,
      t('briefSheetImplementation'),
      [t('country'), 'ISO3', t('plan'), t('objective'), '', t('rate'), t('briefContent')],
      [24, 8, 36, 10, 60, 10, 20],
      rtl,
    );
    const names = new Map(d.compare.countries.map((c) => [c.iso3, pt.country(c)]));
    for (const c of withRates(d.compare.implementation))
      for (const o of c.objectives)
        ws.addRow([
          names.get(c.iso3) ?? c.iso3,
          c.iso3,
          c.planName,
          o.number,
          o.title,
          o.rate,
          provenanceLabel(pt, o.provenance),
        ]);
  }

  if (topics.includes('learning')) {
    const ch = addSheet(
      wb,
      t('briefSheetChallenges'),
      [
        t('briefChallenge'),
        t('country'),
        'ISO3',
        t('briefNote'),
        t('briefContent'),
        t('sources'),
        t('briefLessonCount'),
      ],
      [32, 24, 8, 60, 20, 12, 12],
      rtl,
    );
    for (const c of d.learning.challenges)
      for (const x of c.countries)
        ch.addRow([
          pt.me.challenges[c.code],
          pt.country(x),
          x.iso3,
          x.note,
          provenanceLabel(pt, x.provenance),
          sources.refs(x.sources),
          c.lessonCount,
        ]);
    wrapped(ch);
    const ls = addSheet(
      wb,
      t('briefSheetLessons'),
      [
        t('country'),
        'ISO3',
        t('briefTitleCol'),
        t('briefChallenge'),
        t('briefText'),
        t('objective'),
        t('sector'),
        t('briefContent'),
        t('sources'),
      ],
      [20, 8, 40, 28, 60, 10, 30, 20, 12],
      rtl,
    );
    for (const l of d.learning.lessons)
      ls.addRow([
        pt.country(l.country),
        l.country.iso3,
        l.title,
        l.challenge ? pt.me.challenges[l.challenge] : null,
        l.text,
        l.objectives.join(comma(pt)),
        l.sectors.map((x) => pt.me.options.sector[x] ?? x).join(comma(pt)),
        provenanceLabel(pt, l.provenance),
        sources.refs(l.sources),
      ]);
    wrapped(ls);
  }

  const src = addSheet(
    wb,
    t('briefSheetSources'),
    ['#', t('briefTitleCol'), t('briefLocator'), t('briefUrl')],
    [6, 70, 20, 60],
    rtl,
  );
  sources.list.forEach((x, i) => {
    src.addRow([i + 1, x.title, x.locator, x.url]);
  });
  src.addRow([]);
  if (tracss && topics.includes('tracss')) src.addRow(['', t('sourceTracss', { round: tracss.period })]);
  src.addRow(['', t('briefProvenancePublished')]);
  src.addRow(['', t('briefProvenanceNational')]);
  wrapped(src);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
