import { BRIEFING_TOPICS, type BriefingPackData, isMeStep } from '../../../shared';
import { ReportDocument, toBuffer } from '../reports/render/document';
import { packText, SourceRegistry } from './pack-format';
import { drawPackCover } from './pdf/cover';
import { drawImplementationRates } from './pdf/implementation';
import { drawLearning } from './pdf/learning';
import { drawCaseStudy } from './pdf/profile';
import { drawSideBySide, startSideBySide } from './pdf/side-by-side';
import { drawSources } from './pdf/sources';
import { drawTracss } from './pdf/tracss';

/**
 * The briefing pack as a PDF in the session's language: cover (with the agenda), then each chosen
 * topic in the order of BRIEFING_TOPICS, then every source it cited. Public data only.
 */
export async function briefingPackPdf(d: BriefingPackData): Promise<Buffer> {
  const pt = packText(d.session.lang);
  const { t } = pt.i18n;
  const sources = new SourceRegistry();
  const running = `${t('briefTitle')} — ${d.session.title}`;
  const r = new ReportDocument(
    { title: running, author: 'NAP Tracker', lang: d.session.lang },
    pt.i18n.rtl,
    running,
  );
  drawPackCover(r, d, pt);
  let sideBySide = false;
  for (const topic of BRIEFING_TOPICS) {
    if (!d.session.topics.includes(topic)) continue;
    if (isMeStep(topic) && !sideBySide) {
      startSideBySide(r, pt, d);
      sideBySide = true;
    }
    if (topic === 'case_study') drawCaseStudy(r, d, pt, sources);
    else if (topic === 'learning') drawLearning(r, d, pt, sources);
    else if (topic === 'tracss') drawTracss(r, d, pt);
    else if (topic === 'implementation') drawImplementationRates(r, d, pt);
    else if (isMeStep(topic)) drawSideBySide(r, d, pt, sources, topic);
  }
  drawSources(r, d, pt, sources);
  const done = toBuffer(r.doc);
  // The footer's text gets three quarters of the line, the page number the last quarter: never both.
  const footer = r.text.fit(t('briefFooter', { title: d.session.title }), r.width * 0.72, { size: 7.5 });
  r.finish((n, total) => ({
    left: footer,
    right: t('page', { n: pt.i18n.num(n, 0), total: pt.i18n.num(total, 0) }),
  }));
  return done;
}
