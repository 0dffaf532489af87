import type { ServiceContext } from '../../service-context';
import { countryNamer } from '../briefings/country-names';
import { type CountryReportParams, countryReportData, PEER_FRAMEWORK } from './country-data';
import { reportI18n } from './i18n';
import { ReportDocument, toBuffer } from './render/document';
import { drawCover } from './sections/cover';
import { drawDataQuality } from './sections/data-quality';
import { drawImplementation } from './sections/implementation';
import { drawMePlan, mePlanIndicators } from './sections/me-plan';
import { drawPeer } from './sections/peer';
import { type ChartPlacement, drawProgress } from './sections/progress';
import { drawSummary } from './sections/summary';

/** What a report needs: the database, the read policy (PUBLIC_READ) and the clock. */
export type ReportDeps = Pick<ServiceContext, 'db' | 'policy' | 'now'>;

export interface RenderedReport {
  pdf: Buffer;
  filename: string;
  pages: number;
  /** Where each chart was placed (page 1-based, points from the top-left): tests look there. */
  charts: ChartPlacement[];
}

/**
 * The country M&E report as a PDF: cover, summary, progress against targets, peer comparison,
 * implementation, data-quality notes. Reads with the caller's permissions (401/403/404 as the
 * plan pages). Called by GET /api/reports/country/:iso3 and by the bench.
 */
export async function renderCountryReport(
  deps: ReportDeps,
  params: CountryReportParams,
): Promise<RenderedReport> {
  // The plans service reads only db and policy of its context.
  const read = await countryReportData(deps as ServiceContext, params);
  // The country as the language names it (الأردن, Jordanie), everywhere the report names it.
  const data = { ...read, country: { ...read.country, name: countryNamer(params.lang)(read.country) } };
  const i18n = reportI18n(params.lang);
  const { t } = i18n;
  const running = `${data.country.name} — ${t('reportSubtitle')} ${data.from}–${data.to}`;
  const r = new ReportDocument(
    { title: running, author: 'NAP Tracker', lang: params.lang },
    i18n.rtl,
    running,
  );
  const charts: ChartPlacement[] = [];
  drawCover(r, data, i18n);
  drawSummary(r, data, i18n);
  drawProgress(r, data, i18n, charts);
  drawPeer(r, data, i18n, charts);
  drawImplementation(r, data, i18n, charts);
  const me = mePlanIndicators(data).length > 0;
  if (me) drawMePlan(r, data, i18n, 5);
  drawDataQuality(r, data, i18n, me ? 6 : 5);
  const pages = r.doc.bufferedPageRange().count;
  const source = t('source', { round: PEER_FRAMEWORK.replace('tracss-', '') });
  const done = toBuffer(r.doc);
  r.finish((n, total) => ({ left: `${source} ${data.country.name}.`, right: t('page', { n, total }) }));
  return {
    pdf: await done,
    filename: `NAP-report-${data.country.iso3}-${data.from}-${data.to}.pdf`,
    pages,
    charts,
  };
}
