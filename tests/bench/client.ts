/**
 * Client: initial JS (gzip) per route from a Vite build's manifest, built into a temporary folder
 * (dist/client is left alone), against a floor bundle (React + the app's Chart.js setup drawing one
 * chart); and the time from navigation to the first chart drawn in Debian's Chromium on
 * /countries/JOR against the same floor page.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import fastifyStatic from '@fastify/static';
import react from '@vitejs/plugin-react';
import Fastify from 'fastify';
import { type Browser, chromium } from 'playwright-core';
import { build } from 'vite';
import { percentile } from './measure';
import { firstJsonLine, node, stop } from './processes';
import { type Row, row } from './report';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const RUNS = 3;

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
const entryOf = (m: Manifest) => Object.keys(m).find((k) => m[k]?.isEntry) ?? 'index.html';

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

/** Milliseconds from navigation start until the chart's canvas has painted pixels. */
async function timeToChart(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  try {
    await page.goto(url, { waitUntil: 'commit' });
    const handle = await page.waitForFunction(
      () => {
        const canvas = document.querySelector('[data-testid="compare-chart"]') as HTMLCanvasElement | null;
        const ctx = canvas?.getContext('2d');
        if (!canvas || !ctx || canvas.width === 0 || canvas.height === 0) return false;
        const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
        let n = 0;
        for (let i = 0; i < data.length; i += 16) {
          const a = data[i + 3] ?? 0;
          if (a > 0 && !((data[i] ?? 0) > 245 && (data[i + 1] ?? 0) > 245 && (data[i + 2] ?? 0) > 245)) n++;
        }
        return n > 500 ? performance.now() : false;
      },
      undefined,
      { polling: 'raf', timeout: 30_000 },
    );
    return Number(await handle.jsonValue());
  } finally {
    await context.close();
  }
}

async function medianOf(n: number, fn: () => Promise<number>) {
  const t: number[] = [];
  for (let i = 0; i < n; i++) t.push(await fn());
  return percentile(
    t.sort((a, b) => a - b),
    50,
  );
}

export async function benchClient(opts: {
  dbUrl: string;
  tmp: string;
  log: (s: string) => void;
}): Promise<Row[]> {
  const appOut = path.join(opts.tmp, 'client');
  const floorOut = path.join(opts.tmp, 'client-floor');
  opts.log('  vite build (app, into a temporary folder)');
  await build({
    configFile: path.resolve('vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: appOut, emptyOutDir: true, manifest: true, sourcemap: false },
  });
  opts.log('  vite build (floor bundle)');
  await build({
    configFile: false,
    root: path.resolve('tests/bench/client-floor'),
    plugins: [react()],
    logLevel: 'warn',
    build: { outDir: floorOut, emptyOutDir: true, manifest: true, sourcemap: false },
  });
  const appManifest = readManifest(appOut);
  const floorManifest = readManifest(floorOut);
  const floorBytes = jsGzipBytes(floorOut, floorManifest, [entryOf(floorManifest)]);
  const floor = { name: 'React + Chart.js setup, one chart', value: floorBytes / 1000 };
  const rows: Row[] = ROUTES.map(([route, chunk]) => {
    const keys = [entryOf(appManifest), ...(chunk ? [chunk] : [])];
    const kb = jsGzipBytes(appOut, appManifest, keys) / 1000;
    return row('Client initial JS (gzip)', route, kb, 'kB', floor, { valueMax: 150 });
  });

  opts.log('  Chromium: navigation → first chart drawn');
  const server = node('tests/bench/serve.ts', { BENCH_DB_URL: opts.dbUrl, BENCH_CLIENT_DIR: appOut });
  const floorServer = Fastify({ logger: false });
  await floorServer.register(fastifyStatic, { root: floorOut });
  let browser: Browser | undefined;
  try {
    const ports = await firstJsonLine<{ app: number }>(server);
    const floorUrl = await floorServer.listen({ host: '127.0.0.1', port: 0 });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    const b = browser;
    const floorMs = await medianOf(RUNS, () => timeToChart(b, `${floorUrl}/index.html`));
    const jordanMs = await medianOf(RUNS, () =>
      timeToChart(b, `http://127.0.0.1:${ports.app}/countries/JOR`),
    );
    rows.push(
      row(
        'Client, Chromium (cold context)',
        `/countries/JOR → first chart drawn (median of ${RUNS})`,
        jordanMs,
        'ms',
        {
          name: 'floor page → chart drawn',
          value: floorMs,
        },
      ),
    );
  } finally {
    await browser?.close();
    await floorServer.close();
    await stop(server);
  }
  return rows;
}
