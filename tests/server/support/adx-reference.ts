import type { TypedRow } from '../../../server/modules/exports/rows';
import { type AdxMapping, type Level, levelToScore } from '../../../shared';

/*
 * The ADX document built in JavaScript from the export's typed rows, as the server built it until
 * Postgres wrote it (server/modules/exports/adx/adx-sql.ts): kept here as the independent reference
 * the SQL is checked against (tests/server/exports-adx-sql.test.ts).
 */

/** ISO 8601 start/duration of a period, as ADX wants it: 2020-01-01/P1Y, 2024-04-01/P3M, else days. */
export function adxPeriod(start: string, end: string): string {
  const [sy, sm, sd] = start.split('-').map(Number) as [number, number, number];
  const endNext = new Date(`${end}T00:00:00Z`);
  endNext.setUTCDate(endNext.getUTCDate() + 1);
  const [ey, em, ed] = [endNext.getUTCFullYear(), endNext.getUTCMonth() + 1, endNext.getUTCDate()];
  if (sd === 1 && ed === 1) {
    const months = (ey - sy) * 12 + (em - sm);
    if (months > 0 && months % 12 === 0 && sm === 1) return `${start}/P${months / 12}Y`;
    if (months > 0) return `${start}/P${months}M`;
  }
  const days = Math.round((endNext.getTime() - Date.parse(`${start}T00:00:00Z`)) / 86_400_000);
  return `${start}/P${days}D`;
}

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Why values were left out, counted per reason ("dataElement tracss-2019-2020:4.1 not mapped"). */
export class Skipped {
  readonly counts = new Map<string, number>();
  add(why: string) {
    this.counts.set(why, (this.counts.get(why) ?? 0) + 1);
  }
  get total() {
    return [...this.counts.values()].reduce((a, b) => a + b, 0);
  }
  summary(max = 1500): string {
    const s = [...this.counts].map(([why, n]) => `${why} (${n})`).join('; ');
    return s.length > max ? `${s.slice(0, max)}…` : s;
  }
}

/**
 * One dataValue, with where it comes from as its annotation (ADX's free-text note on a value, which
 * DHIS2 imports as the value's comment): "source: published" (a TrACSS round), "national_approved" …
 */
function dataValue(r: TypedRow, m: AdxMapping, element: string, skipped: Skipped): string | null {
  const dv = (attrs: string) =>
    `<dataValue dataElement="${esc(element)}" ${attrs}><annotation>source: ${esc(r.source)}</annotation></dataValue>`;
  if (r.status !== 'reported') {
    skipped.add(`${r.status} values`);
    return null;
  }
  if (r.measure_type === 'level' && typeof r.value === 'string') {
    if (m.levels) {
      const option = m.levels.options[r.value as Level];
      return dv(`${m.levels.attribute}="${esc(option)}" value="1"`);
    }
    return dv(`value="${levelToScore(r.value as Level)}"`);
  }
  if (r.measure_type === 'yes_no') return dv(`value="${r.value === 'yes' ? 1 : 0}"`);
  if (typeof r.value === 'number' && Number.isFinite(r.value)) return dv(`value="${decimal(r.value)}"`);
  skipped.add(`${r.measure_type} values (not numeric)`);
  return null;
}

/** xs:decimal has no exponent: 1e-7 → 0.0000001. */
function decimal(x: number): string {
  const s = String(x);
  if (!/e/i.test(s)) return s;
  return x.toFixed(20).replace(/\.?0+$/, '');
}

/**
 * The groups of an ADX document of approved values, one XML element each, by country × framework ×
 * period (rows arrive in that order). Codes go through the mapping; with `strict`, values whose codes
 * are not mapped are left out and counted in `skipped`, as are values ADX cannot carry (text, no
 * data, not applicable). A group left with no value is not written.
 */
async function* adxGroups(rows: AsyncIterable<TypedRow>, m: AdxMapping, skipped: Skipped) {
  let key = '';
  let head = '';
  let body = '';
  for await (const r of rows) {
    const k = `${r.country}|${r.framework}|${r.period}`;
    if (k !== key) {
      if (body) yield `${head}${body}</group>\n`;
      body = '';
      key = k;
      head = `<group orgUnit="${esc(m.orgUnits[r.country] ?? r.country)}" period="${adxPeriod(r.periodStart, r.periodEnd)}" dataSet="${esc(m.dataSets[r.framework] ?? r.framework)}">\n`;
    }
    const own = `${r.framework}:${r.indicator}`;
    const missing = m.strict
      ? [
          !m.orgUnits[r.country] && `orgUnit ${r.country}`,
          !m.dataSets[r.framework] && `dataSet ${r.framework}`,
          !m.dataElements[own] && `dataElement ${own}`,
        ].filter(Boolean)
      : [];
    if (missing.length) {
      skipped.add(`${missing.join(', ')} not mapped`);
      continue;
    }
    const dv = dataValue(r, m, m.dataElements[own] ?? own, skipped);
    if (dv) body += `  ${dv}\n`;
  }
  if (body) yield `${head}${body}</group>\n`;
}

/** What an ADX document of these rows holds: its groups, and the values it leaves out and why. */
export async function countAdx(rows: AsyncIterable<TypedRow>, m: AdxMapping) {
  const skipped = new Skipped();
  let groups = 0;
  for await (const _ of adxGroups(rows, m, skipped)) groups++;
  return { groups, skipped };
}

/** The ADX document, streamed a few dozen kB at a time: memory holds one group, not the document. */
export async function* adxChunks(rows: AsyncIterable<TypedRow>, m: AdxMapping, exportedAt: Date) {
  let batch = `<?xml version="1.0" encoding="UTF-8"?>\n<adx xmlns="urn:ihe:qrph:adx:2015" exported="${exportedAt.toISOString()}">\n`;
  for await (const group of adxGroups(rows, m, new Skipped())) {
    batch += group;
    if (batch.length >= 64 * 1024) {
      yield batch;
      batch = '';
    }
  }
  yield `${batch}</adx>\n`;
}
