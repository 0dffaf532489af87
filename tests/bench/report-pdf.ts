/**
 * Country PDF report (renderCountryReport, server/modules/reports, as GET /api/reports/country/:iso3
 * renders it): seconds per report (median of 3, after one warm-up) and the bench process's peak
 * RSS while rendering (sampled every 10 ms). Budget: < 2 s.
 */
import type { Database } from '../../server/db/client';
import { renderCountryReport } from '../../server/modules/reports/country-report';
import { row } from './report';

export async function benchCountryReport(opts: {
  database: Database;
  iso3: string;
  log: (s: string) => void;
}) {
  const deps = { db: opts.database.db, policy: { publicRead: true }, now: () => new Date() };
  const render = () => renderCountryReport(deps, { iso3: opts.iso3, lang: 'en', principal: null });
  opts.log(`  country report ${opts.iso3}`);
  const first = await render();
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 10);
  const times: number[] = [];
  try {
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      await render();
      times.push(performance.now() - t);
    }
  } finally {
    clearInterval(sampler);
  }
  times.sort((a, b) => a - b);
  const s = `Country PDF report (${opts.iso3}, ${first.pages} pages, ${Math.round(first.pdf.length / 1024)} kB)`;
  return [
    row(s, 'render time (median of 3)', (times[1] ?? Number.NaN) / 1000, 's', null, { valueMax: 2 }),
    row(s, 'bench process peak RSS while rendering', peak / 1024 / 1024, 'MB', null),
  ];
}
