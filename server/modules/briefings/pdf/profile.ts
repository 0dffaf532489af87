import { type BriefingPackData, ME_FIELDS, ME_STEPS } from '../../../../shared';
import { COLOURS, type ReportDocument } from '../../reports/render/document';
import { drawTable } from '../../reports/render/table';
import {
  citedSources,
  formatMeValue,
  type PackText,
  provenanceLabel,
  publicSection,
  type SourceRegistry,
} from '../pack-format';
import type { StepDrawer } from './side-by-side';

/** One step of the case study: its fields in the language, its notes, where it comes from, its sources. */
const drawStep: StepDrawer = (r, d, pt, sources, step) => {
  const { t } = pt.i18n;
  r.heading(pt.me.sections[step], 2);
  r.paragraph(pt.me.hints[step], { size: 8.5, color: COLOURS.muted });
  const { content, provenance } = publicSection(d.caseStudy?.sections.find((s) => s.section === step));
  if (!content || !('fields' in content)) {
    r.paragraph(t('briefNoContent'), { size: 9, color: COLOURS.muted });
    return;
  }
  const rows = ME_FIELDS[step].flatMap((def) => {
    const answer = content.fields[def.key];
    if (!answer) return [];
    const refs = sources.refs(citedSources(content, answer.sources));
    return [
      [pt.me.fields[def.key] ?? def.key, `${formatMeValue(pt, def, answer.value)}${refs ? ` ${refs}` : ''}`],
    ];
  });
  if (rows.length)
    drawTable(
      r,
      [
        { header: t('briefField'), width: 1.3 },
        { header: t('briefValue'), width: 2.4 },
      ],
      rows.map(([k, v]) => [{ text: k ?? '', bold: true }, v ?? '']),
    );
  if (content.text) {
    const refs = sources.refs(citedSources(content, content.textSources));
    r.paragraph(`${content.text}${refs ? ` ${refs}` : ''}`);
  }
  const all = sources.refs(content.sources);
  r.paragraph(
    [
      `${t('briefContent')}: ${provenanceLabel(pt, provenance)}`,
      all ? t('briefStepSources', { refs: all }) : '',
    ]
      .filter(Boolean)
      .join(' · '),
    { size: 8, color: COLOURS.muted },
  );
  r.gap(4);
};

/** The case study's M&E system on the eight steps of the Quadripartite guidance. */
export function drawCaseStudy(r: ReportDocument, d: BriefingPackData, pt: PackText, sources: SourceRegistry) {
  const { t } = pt.i18n;
  const country = d.caseStudy?.country;
  r.section(`${pt.me.topics.case_study}${country ? ` — ${pt.country(country)}` : ''}`);
  if (!d.caseStudy) {
    r.paragraph(d.session.caseStudy ? t('briefNoProfile') : t('briefNoCaseStudy'));
    return;
  }
  const plan = d.caseStudy.plan;
  if (plan && plan.indicators.length > 0)
    r.paragraph(t('briefPlanIndicators', { n: pt.i18n.num(plan.indicators.length, 0), plan: plan.name }), {
      size: 9,
      color: COLOURS.muted,
    });
  for (const step of ME_STEPS) drawStep(r, d, pt, sources, step);
}
