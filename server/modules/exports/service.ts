import { Readable } from 'node:stream';
import type { AdxMapping, AdxQuery, ExportQuery } from '../../../shared';
import type { Database } from '../../db/client';
import { AppError } from '../../lib/errors';
import type { ServiceContext } from '../../service-context';
import { forbidden, type Principal, requireAdmin } from '../auth/permissions';
import { adxChunks, countAdx } from './adx/build';
import { readAdxMapping, writeAdxMapping } from './adx/mapping-repository';
import { countryBatches } from './batches';
import { planLinks } from './plan-links';
import { exportRows } from './rows';
import { draftsHeader, resolveScope } from './scope';
import { csvChunks, jsonChunks, ndjsonChunks } from './streams';
import { aboutLines, xlsxChunks } from './xlsx';

const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json; charset=utf-8',
  ndjson: 'application/x-ndjson; charset=utf-8',
} as const;

export interface ExportFile {
  contentType: string;
  fileName: string;
  headers: Record<string, string>;
  body: Readable | string;
}

const stamp = (d: Date) => d.toISOString().slice(0, 10);

function baseName(q: AdxQuery, countries: string[], now: Date) {
  const who =
    countries.length === 1 ? countries[0] : countries.length <= 3 ? countries.join('-') : 'countries';
  return `nap-${who}${q.plan ? `-plan${q.plan}` : ''}${q.framework ? `-${q.framework}` : ''}-${stamp(now)}`;
}

/** The tidy export (CSV, XLSX, JSON, NDJSON), streamed; the permission checks run before any byte. */
export async function exportValues(
  ctx: ServiceContext,
  database: Database,
  p: Principal | null,
  q: ExportQuery,
): Promise<ExportFile> {
  const scope = await resolveScope(ctx, p, q, q.status);
  const approvedPlansOnly = new Set(scope.countries.filter((c) => !scope.draftCountries.has(c)));
  const links = await planLinks(ctx.db, scope, approvedPlansOnly);
  const now = ctx.now();
  const headers = { 'x-export-drafts': draftsHeader(scope) };
  const fileName = `${baseName(q, scope.countries, now)}.${q.format === 'ndjson' ? 'ndjson' : q.format}`;
  const file = (body: Readable) => ({ contentType: CONTENT_TYPES[q.format], fileName, headers, body });
  if (q.format === 'csv') return file(Readable.from(csvChunks(database, scope, links, q.bom)));
  if (q.format === 'ndjson') return file(Readable.from(ndjsonChunks(database, scope, links)));
  if (q.format === 'xlsx')
    return file(
      Readable.from(xlsxChunks(database, ctx.db, scope, links, aboutLines(scope, q.status, now), now)),
    );
  return file(Readable.from(jsonChunks(exportRows(database, scope, links))));
}

/**
 * ADX (IHE QRPH) of approved values, codes mapped through the stored mapping, written by Postgres and
 * streamed (adx/build.ts). The values are counted first (groups, and what is left out and why, for the
 * x-adx-* headers and the 404 when no value remains: an ADX document needs a group), then written, so
 * Node holds neither rows nor the document. A write committed between the two statements can make the
 * headers' counts differ from the body by that write (on PGlite, a country whose first value it is
 * stays out of both: both read the countries grouped before the count).
 */
export async function exportAdx(ctx: ServiceContext, database: Database, p: Principal | null, q: AdxQuery) {
  const scope = await resolveScope(ctx, p, q, 'approved');
  const { mapping } = await readAdxMapping(ctx.db);
  const now = ctx.now();
  // The statements' countries, grouped once for the count and the document (batches.ts).
  const batches = await countryBatches(database, scope);
  const adx = await countAdx(database, scope, mapping, batches);
  if (adx.groups === 0)
    throw new AppError(
      404,
      `adx: no approved numeric value matches these filters${adx.skipped.total ? `; left out: ${adx.skipped.summary(300)}` : ''}`,
    );
  return {
    contentType: 'application/adx+xml; charset=utf-8',
    fileName: `${baseName(q, scope.countries, now)}.adx.xml`,
    headers: {
      'x-adx-groups': String(adx.groups),
      'x-adx-skipped-count': String(adx.skipped.total),
      // Header values must be Latin-1: codes are ASCII, the separators too.
      'x-adx-skipped': adx.skipped.summary().replace(/[^\x20-\x7e]/g, '?'),
    },
    body: Readable.from(adxChunks(database, scope, mapping, now, batches)),
  } satisfies ExportFile;
}

export async function getAdxMapping(ctx: ServiceContext, p: Principal | null) {
  requireAdmin(p);
  return readAdxMapping(ctx.db);
}

export async function putAdxMapping(
  ctx: ServiceContext,
  p: Principal | null,
  mapping: AdxMapping,
  version: number,
) {
  const admin = requireAdmin(p);
  if (admin.scope !== 'write') throw forbidden('token: this token is read-only');
  await writeAdxMapping(ctx.db, mapping, version, admin.userId);
  return readAdxMapping(ctx.db);
}
