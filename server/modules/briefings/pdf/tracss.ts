import type { BriefingPackData } from '../../../../shared';
import { LEVEL_COLOURS } from '../../../../shared/charts/palette';
import { COLOURS, type ReportDocument } from '../../reports/render/document';
import { type CellInput, drawTable } from '../../reports/render/table';
import type { PackText } from '../pack-format';

/**
 * TrACSS levels on the M&E questions as a heat table: a row per country, a column per question, each
 * cell filled with its level's colour and showing its letter (the colour is never the only cue).
 */
export function drawTracss(r: ReportDocument, d: BriefingPackData, pt: PackText) {
  const { t } = pt.i18n;
  const tracss = d.compare.tracss;
  // A chapter of its own, on the same page when a good part of it fits.
  r.ensure(220);
  r.heading(pt.me.topics.tracss);
  if (!tracss || tracss.questions.length === 0) {
    r.paragraph(t('briefTracssNone'), { color: COLOURS.muted });
    return;
  }
  r.paragraph(t('briefTracssIntro', { round: tracss.frameworkName }), { size: 9, color: COLOURS.muted });
  const level = new Map(
    tracss.questions.flatMap((q) => q.levels.map((l) => [`${q.code}|${l.iso3}`, l.level] as const)),
  );
  drawTable(
    r,
    [
      { header: t('country'), width: 3 },
      ...tracss.questions.map((q) => ({ header: q.code, width: 1, align: 'center' as const })),
    ],
    d.compare.countries.map((c): CellInput[] => [
      { text: pt.country(c), bold: c.iso3 === d.session.caseStudy },
      ...tracss.questions.map((q): CellInput => {
        const l = level.get(`${q.code}|${c.iso3}`);
        return l
          ? { text: l, fill: LEVEL_COLOURS[l].fill, color: LEVEL_COLOURS[l].ink, bold: true }
          : { text: '·', color: COLOURS.muted };
      }),
    ]),
    { size: 8.5 },
  );
  drawTable(
    r,
    [
      { header: t('question'), width: 0.6 },
      { header: '', width: 5 },
    ],
    tracss.questions.map((q) => [{ text: q.code, bold: true }, q.name]),
    { size: 8 },
  );
}
