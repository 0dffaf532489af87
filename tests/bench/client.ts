/**
 * Client: initial JS (gzip) per route from a Vite build's manifest, built into a temporary folder
 * (dist/client is left alone), against a floor bundle (React + the app's Chart.js setup drawing one
 * chart); whether the first page's HTML preloads the zod schemas chunk; and the time from navigation
 * to the first chart drawn in Debian's Chromium on /countries/JOR against the same floor page, both
 * served precompressed (tests/bench/client-build.ts); and the libraries page (tests/bench/client-stack:
 * the floor's chart through the router, query cache, zod, catalog and Intl every page of the app runs)
 * against both, which splits the page's ratio into what those libraries cost and what the app adds.
 * The three pages are visited in turns, one cold visit of each per round (inTurns).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { clientBuilds, launchBrowser, serveFloor, whenChartDrawn } from './client-build';
import { inTurns } from './measure';
import { firstJsonLine, node, stop } from './processes';
import { type Row, row } from './report';
import { builtServe } from './serve-build';

const RUNS = 7;

type Manifest = Record<string, { file: string; isEntry?: boolean; imports?: string[] }>;

function jsGzipBytes(outDir: string, manifest: Manifest, keys: string[]): number {
  const files = new Set<string>();
  const visit = (k: string) => {
    const chunk = manifest[k];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const i of chunk.imports ?? []) visit(i);
  };
  for (const k of keys) visit(k);
  let total = 0;
  for (const f of files) if (f.endsWith('.js')) total += gzipSync(readFileSync(path.join(outDir, f))).length;
  return total;
}

const readManifest = (outDir: string) =>
  JSON.parse(readFileSync(path.join(outDir, '.vite/manifest.json'), 'utf8')) as Manifest;
/** The entries index.html loads: the app's and its early script (client/early.ts). */
const entriesOf = (m: Manifest) => Object.keys(m).filter((k) => m[k]?.isEntry);

/** Eager routes load the entry only; lazy ones also their chunk (client/app/routes.tsx). */
const ROUTES: [string, string | null][] = [
  ['/ (home)', null],
  ['/countries', 'routes/countries.tsx'],
  ['/countries/JOR', 'routes/country.tsx'],
  ['/compare', 'routes/compare.tsx'],
  ['/compare/heatmap', 'routes/compare-heatmap.tsx'],
  ['/compare/map', 'routes/compare-map.tsx'],
  ['/groups', 'routes/groups.tsx'],
];

interface ChartVisit {
  /** From navigation start until the chart's canvas has painted. */
  ms: number;
  /** Requests sent by then besides the page itself: its code (JS, CSS) and its API answers. */
  code: number;
  api: number;
}

/** One visit in a fresh (cold) context. */
async function visitToChart(browser: Browser, url: string): Promise<ChartVisit> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    serviceWorkers: 'block',
  });
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'commit' });
    const ms = await whenChartDrawn(page, '[data-testid="compare-chart"]', 30_000);
    const names = await page.evaluate(
      (t) =>
        performance
          .getEntriesByType('resource')
          .filter((e) => e.startTime <= t)
          .map((e) => new URL(e.name).pathname),
      ms,
    );
    const api = names.filter((n) => n.startsWith('/api/')).length;
    return { ms, code: names.filter((n) => /\.(js|css)$/.test(n)).length, api };
  } finally {
    await context.close();
  }
}

/** A page's cold visits, in turn with the others' (inTurns): each visit's time, and the last's requests. */
function visits(browser: Browser, url: string) {
  let last: ChartVisit | undefined;
  return {
    visit: async () => {
      last = await visitToChart(browser, url);
      return last.ms;
    },
    requests: () => ({ code: last?.code ?? Number.NaN, api: last?.api ?? Number.NaN }),
  };
}

export async function benchClient(opts: {
  dbUrl: string;
  tmp: string;
  log: (s: string) => void;
}): Promise<Row[]> {
  const { appOut, floorOut, stackOut } = await clientBuilds(opts.tmp, opts.log);
  const appManifest = readManifest(appOut);
  const floorManifest = readManifest(floorOut);
  const floorBytes = jsGzipBytes(floorOut, floorManifest, entriesOf(floorManifest));
  const floor = { name: 'React + Chart.js setup, one chart', value: floorBytes / 1000 };
  const rows: Row[] = ROUTES.map(([route, chunk]) => {
    const keys = [...entriesOf(appManifest), ...(chunk ? [chunk] : [])];
    const kb = jsGzipBytes(appOut, appManifest, keys) / 1000;
    return row('Client initial JS (gzip)', route, kb, 'kB', floor, { valueMax: 150 });
  });
  // zod and the response schemas load with the first answer, not with the page's code
  // (docs/decisions/lazy-response-schemas.md): index.html names no schemas chunk.
  const html = readFileSync(path.join(appOut, 'index.html'), 'utf8');
  const schemaTags = (html.match(/assets\/schemas-[\w-]+\.js/g) ?? []).length;
  rows.push(
    row('Client initial JS', 'schemas chunk named by index.html', schemaTags, 'tags', null, { valueMax: 0 }),
  );

  opts.log('  Chromium: navigation → first chart drawn');
  const server = node(await builtServe(), { BENCH_DB_URL: opts.dbUrl, BENCH_CLIENT_DIR: appOut });
  let floorServer: Awaited<ReturnType<typeof serveFloor>> | undefined;
  let stackServer: Awaited<ReturnType<typeof serveFloor>> | undefined;
  let browser: Browser | undefined;
  try {
    const ports = await firstJsonLine<{ app: number }>(server);
    floorServer = await serveFloor(floorOut);
    const floorUrl = floorServer.url;
    browser = await launchBrowser();
    const b = browser;
    stackServer = await serveFloor(stackOut);
    const pages = {
      floor: visits(b, floorUrl),
      stack: visits(b, stackServer.url),
      jordan: visits(b, `http://127.0.0.1:${ports.app}/countries/JOR`),
    };
    const ms = await inTurns(RUNS, {
      floor: pages.floor.visit,
      stack: pages.stack.visit,
      jordan: pages.jordan.visit,
    });
    const floorVisit = { ms: ms.floor, ...pages.floor.requests() };
    const stackVisit = { ms: ms.stack, ...pages.stack.requests() };
    const jordan = { ms: ms.jordan, ...pages.jordan.requests() };
    const stack = {
      name: "libraries page → chart drawn (the floor's chart through the app's libraries)",
      value: stackVisit.ms,
    };
    rows.push(
      row(
        'Client, Chromium (cold context)',
        `/countries/JOR → first chart drawn (median of ${RUNS}, in turns)`,
        jordan.ms,
        'ms',
        { name: 'floor page → chart drawn', value: floorVisit.ms },
        { ratioMax: 1.5 },
      ),
      // What the libraries every page runs cost before a chart (router, query cache, zod, catalog, Intl),
      // and what the app adds to them: its own code, requests and page (docs/benchmarks.md).
      row(
        'Client, Chromium (cold context)',
        `libraries page → chart drawn (median of ${RUNS}, in turns)`,
        stackVisit.ms,
        'ms',
        {
          name: 'floor page → chart drawn',
          value: floorVisit.ms,
        },
      ),
      row(
        'Client, Chromium (cold context)',
        `/countries/JOR → first chart drawn (median of ${RUNS}, in turns)`,
        jordan.ms,
        'ms',
        stack,
      ),
      // Each one a round trip, and over HTTP/1.1 at most six at a time: what a slow link waits on
      // besides the bytes (docs/benchmarks.md, slow link).
      row(
        'Client, Chromium (cold context)',
        '/countries/JOR: code files (JS, CSS) requested before the chart was drawn',
        jordan.code,
        'requests',
        { name: 'floor page', value: floorVisit.code },
      ),
      row(
        'Client, Chromium (cold context)',
        '/countries/JOR: API requests before the chart was drawn',
        jordan.api,
        'requests',
        null,
      ),
    );
  } finally {
    await browser?.close();
    await floorServer?.close();
    await stackServer?.close();
    await stop(server);
  }
  return rows;
}
