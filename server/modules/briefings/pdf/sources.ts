import type { BriefingPackData } from '../../../../shared';
import { COLOURS, type ReportDocument } from '../../reports/render/document';
import { drawTable } from '../../reports/render/table';
import type { PackText, SourceRegistry } from '../pack-format';

/** Every source the pack cited, by its number; the TrACSS round shown; what the provenance labels mean. */
export function drawSources(r: ReportDocument, d: BriefingPackData, pt: PackText, sources: SourceRegistry) {
  const { t } = pt.i18n;
  r.section(t('sources'));
  if (sources.list.length === 0) r.paragraph(t('briefNoSources'), { color: COLOURS.muted });
  else {
    r.paragraph(t('briefSourcesIntro'), { size: 9, color: COLOURS.muted });
    // The title, then where in it on its own line: most sources are one plan cited at many places.
    drawTable(
      r,
      [
        { header: '', width: 0.35, align: 'end' },
        { header: `${t('briefTitleCol')} — ${t('briefLocator')}`, width: 4 },
        { header: t('briefUrl'), width: 1.8 },
      ],
      sources.list.map((s, i) => [
        `[${i + 1}]`,
        s.locator ? `${s.title}\n${s.locator}` : s.title,
        s.url ?? '',
      ]),
      { size: 8 },
    );
  }
  const tracss = d.compare.tracss;
  if (tracss && d.session.topics.includes('tracss'))
    r.paragraph(t('sourceTracss', { round: tracss.period }), { size: 9 });
  r.heading(t('briefProvenance'), 2);
  r.paragraph(t('briefProvenancePublished'), { size: 9 });
  r.paragraph(t('briefProvenanceNational'), { size: 9 });
}
