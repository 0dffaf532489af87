import type { AdxMapping } from '../../../../shared';
import type { Database } from '../../../db/client';
import { countryBatches } from '../batches';
import { selectExportText } from '../repository';
import type { ExportScope } from '../scope';
import { adxCopySql, adxCountSql } from './adx-sql';

/** Why values were left out, counted per reason ("dataElement tracss-2019-2020:4.1 not mapped"). */
export class Skipped {
  readonly counts = new Map<string, number>();
  add(why: string, n = 1) {
    this.counts.set(why, (this.counts.get(why) ?? 0) + n);
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
 * What the ADX document of this scope holds, counted by Postgres: its groups, and the values it leaves
 * out and why (in the order each reason first occurs), with no value read into Node.
 */
export async function countAdx(database: Database, scope: ExportScope, m: AdxMapping, batches?: string[][]) {
  const skipped = new Skipped();
  let groups = 0;
  for (const countries of batches ?? (await countryBatches(database, scope))) {
    const rows = await selectExportText<{ why: string | null; n: number; groups: number }>(
      database,
      adxCountSql(scope, m, countries),
    );
    for (const r of rows) {
      if (r.why === null) groups += Number(r.groups);
      else skipped.add(r.why, Number(r.n));
    }
  }
  return { groups, skipped };
}

/**
 * The ADX document of approved values, written by Postgres (`COPY`, one XML line per row, adx-sql.ts)
 * and streamed as it comes: no value passes through JavaScript, so memory stays flat whatever the size.
 * Codes go through the mapping; values ADX cannot carry, and with `strict` those whose codes are not
 * mapped, are left out (countAdx counts them); a group left with no value is not written.
 */
export async function* adxChunks(
  database: Database,
  scope: ExportScope,
  m: AdxMapping,
  exportedAt: Date,
  batches?: string[][],
) {
  yield `<?xml version="1.0" encoding="UTF-8"?>\n<adx xmlns="urn:ihe:qrph:adx:2015" exported="${exportedAt.toISOString()}">\n`;
  for (const countries of batches ?? (await countryBatches(database, scope)))
    yield* database.copyOut(adxCopySql(scope, m, countries));
  yield '</adx>\n';
}
