import type { BriefingPackData } from '../../../../shared';
import { COLOURS, type ReportDocument } from '../../reports/render/document';
import { drawTable } from '../../reports/render/table';
import { comma, type PackText, provenanceLabel, type SourceRegistry } from '../pack-format';

/** The challenges the group shares (challenge → countries, with their notes) and the lessons offered. */
export function drawLearning(r: ReportDocument, d: BriefingPackData, pt: PackText, sources: SourceRegistry) {
  const { t, num } = pt.i18n;
  // A chapter of its own, on the same page when a good part of it fits.
  r.ensure(220);
  r.heading(pt.me.sections.learning);
  r.paragraph(pt.me.hints.learning, { size: 8.5, color: COLOURS.muted });

  r.heading(t('briefSharedChallenges'), 2);
  const shared = d.learning.challenges.filter((c) => c.countries.length > 0);
  if (shared.length === 0) r.paragraph(t('briefNoChallenges'), { color: COLOURS.muted });
  else
    drawTable(
      r,
      [
        { header: t('briefChallenge'), width: 1.4 },
        { header: t('briefFacing'), width: 3.4 },
        { header: t('briefLessonCount'), width: 0.8, align: 'end' },
      ],
      shared.map((c) => [
        { text: pt.me.challenges[c.code], bold: true },
        c.countries
          .map((x) => {
            const refs = sources.refs(x.sources);
            return `${pt.country(x)}${refs ? ` ${refs}` : ''}${x.note ? `: ${x.note}` : ''}`;
          })
          .join('\n'),
        num(c.lessonCount, 0),
      ]),
      { size: 8.5 },
    );

  r.heading(t('briefLessons'), 2);
  if (d.learning.lessons.length === 0) r.paragraph(t('briefNoLessons'), { color: COLOURS.muted });
  for (const l of d.learning.lessons) {
    const refs = sources.refs(l.sources);
    r.ensure(60);
    r.paragraph(`${l.title}${refs ? ` ${refs}` : ''}`, { bold: true, size: 10 });
    r.paragraph(`${pt.country(l.country)} · ${provenanceLabel(pt, l.provenance)}`, {
      size: 8.5,
      color: COLOURS.muted,
    });
    if (l.text) r.paragraph(l.text);
    const about = [
      l.challenge ? t('briefAnswers', { challenge: pt.me.challenges[l.challenge] }) : '',
      l.objectives.length
        ? t('briefObjectives', { list: l.objectives.map((o) => num(o, 0)).join(comma(pt)) })
        : '',
      l.sectors.length
        ? t('briefSectors', { list: l.sectors.map((s) => pt.me.options.sector[s] ?? s).join(comma(pt)) })
        : '',
    ].filter(Boolean);
    if (about.length) r.paragraph(about.join(' · '), { size: 8.5, color: COLOURS.muted });
    r.gap(6);
  }
}
