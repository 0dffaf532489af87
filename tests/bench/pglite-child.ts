/**
 * PGlite with the national-scale data, in its own process so that its memory (RSS) is its own:
 * loads the data through the real start-up path and COPY, runs the peer-comparison SQL and the
 * comparison service, prints one JSON line of figures.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { openDatabase } from '../../server/db/client';
import { compareCountry } from '../../server/modules/compare/service';
import { comparisonInput, copyValuesPglite, loadDataset } from './dataset';
import { loop } from './measure';
import { PEER_SQL, peerParams } from './peer-query';

let peakRss = 0;
const sample = () => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};
const sampler = setInterval(sample, 100);

const dir = mkdtempSync(path.join(os.tmpdir(), 'nap-bench-pglite-'));
try {
  const pg = await PGlite.create(path.join(dir, 'data'));
  const database = await openDatabase({ pglite: pg });
  const t0 = performance.now();
  const data = await loadDataset(database, { scale: 1, copy: (chunks) => copyValuesPglite(pg, chunks) });
  await pg.exec('vacuum analyze indicator_values');
  const loadS = (performance.now() - t0) / 1000;
  sample();
  const rssAfterLoad = process.memoryUsage().rss;
  const input = comparisonInput(data);
  const params = peerParams(input.peer);
  const peer = await loop(() => pg.query(PEER_SQL, params), { maxOps: 500 });
  const compare = await loop(
    () =>
      compareCountry(database.db, {
        framework: 'bench-round',
        period: input.period,
        country: input.country,
        groupType: 'countries',
        group: input.group.join(','),
      }),
    { maxOps: 500 },
  );
  sample();
  await database.close();
  clearInterval(sampler);
  process.stdout.write(
    `${JSON.stringify({
      values: data.values,
      loadS,
      peerMs: peer.mean,
      compareMs: compare.mean,
      rssAfterLoadMb: rssAfterLoad / 2 ** 20,
      peakRssMb: peakRss / 2 ** 20,
    })}\n`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
