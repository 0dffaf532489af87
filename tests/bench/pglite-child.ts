/**
 * PGlite with the national-scale data, in its own process so that its memory (RSS) is its own:
 * creates the database with the server's settings (createPglite), loads the data through the real
 * start-up path and COPY, runs the peer-comparison SQL and the comparison service, prints one JSON
 * line of figures. The peak is reported for the whole process and apart for creating the empty
 * database (PGlite's initdb, once per data folder) and for what follows it, with the WebAssembly
 * heap's size (it grows and never shrinks).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../server/db/client';
import { createPglite } from '../../server/db/pglite';
import { compareCountry } from '../../server/modules/compare/service';
import { comparisonInput, copyValuesPglite, loadDataset } from './dataset';
import { loop } from './measure';
import { PEER_SQL, peerParams } from './peer-query';

let peakRss = 0;
let phasePeak = 0;
const sample = () => {
  const rss = process.memoryUsage().rss;
  peakRss = Math.max(peakRss, rss);
  phasePeak = Math.max(phasePeak, rss);
};
const endPhase = () => {
  sample();
  const peak = phasePeak;
  phasePeak = 0;
  return peak / 2 ** 20;
};
const sampler = setInterval(sample, 100);

// BENCH_KEEP_DIR: the data folder is made there and kept, for the server's own run on it (tests/bench/run.ts).
const keep = process.env.BENCH_KEEP_DIR;
const dir = keep ?? mkdtempSync(path.join(os.tmpdir(), 'nap-bench-pglite-'));
try {
  const pg = await createPglite(path.join(dir, 'data'));
  const peakCreateMb = endPhase();
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
  const peakAfterCreateMb = endPhase();
  const wasmHeapMb =
    ((pg as unknown as { mod?: { HEAPU8: Uint8Array } }).mod?.HEAPU8.byteLength ?? 0) / 2 ** 20;
  const { heapUsed } = process.memoryUsage();
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
      peakCreateMb,
      peakAfterCreateMb,
      wasmHeapMb,
      jsHeapMb: heapUsed / 2 ** 20,
      dataDir: path.join(dir, 'data'),
      period: input.period,
      country: input.country,
    })}\n`,
  );
} finally {
  if (!keep) rmSync(dir, { recursive: true, force: true });
}
