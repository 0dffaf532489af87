/**
 * What a user on a slow link waits for: Chromium with its network emulated through CDP (1.6 Mbps down,
 * 750 kbps up, 150 ms round trip), cold (a fresh browser context: empty cache) and warm (the same
 * context, second visit: the HTTP cache holds what the first visit fetched), for four pages, each
 * until a visible state says it is ready; against the floor page (React + Chart.js drawing one chart
 * from inline data) under the same emulation. Service workers are blocked in the cold and warm rows:
 * they measure the HTTP path, which the floor has too. A third kind, "returning", is what a user who
 * came before gets: the app's service worker installed by the first visit (its precache complete),
 * the second visit measured; the floor page has no worker, so its warm visit (HTTP cache) is the floor.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { clientBuilds, launchBrowser, medianOf, serveFloor, whenChartDrawn, whenShown } from './client-build';
import { addSessionCookie, GRID_ROWS, prepareEntryPeriod, type Session, signIn } from './client-session';
import { percentile } from './measure';
import { firstJsonLine, node, stop } from './processes';
import { type Row, row } from './report';
import { builtServe } from './serve-build';

const RUNS = 3;
export const SLOW_LINK = {
  offline: false,
  latency: 150,
  downloadThroughput: 1_600_000 / 8,
  uploadThroughput: 750_000 / 8,
};

interface Target {
  name: string;
  url: string;
  session: Session | null;
  /** performance.now() once the page shows what the user came for. */
  ready: (page: Page) => Promise<number>;
}

async function emulatedPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', SLOW_LINK);
  return page;
}

async function newContext(
  browser: Browser,
  base: string,
  session: Session | null,
  serviceWorkers: 'block' | 'allow' = 'block',
) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers });
  if (session) await addSessionCookie(context, base, session);
  return context;
}

/**
 * Bytes the page received until `until` (its clock): the document and every resource whose answer had
 * ended by then, as Resource Timing counts them (transferSize: headers and body as sent, compressed).
 */
async function receivedBefore(page: Page, until: number): Promise<number> {
  return page.evaluate((t) => {
    const entries = [
      ...performance.getEntriesByType('navigation'),
      ...performance.getEntriesByType('resource'),
    ] as PerformanceResourceTiming[];
    return entries.filter((e) => e.responseEnd <= t).reduce((n, e) => n + e.transferSize, 0);
  }, until);
}

/** One visit in an empty cache; the bytes it received before it was ready go into `received`. */
async function cold(browser: Browser, base: string, t: Target, received?: number[]): Promise<number> {
  const context = await newContext(browser, base, t.session);
  try {
    const page = await emulatedPage(context);
    await page.goto(t.url, { waitUntil: 'commit' });
    const ready = await t.ready(page);
    received?.push(await receivedBefore(page, ready));
    return ready;
  } finally {
    await context.close();
  }
}

/** A second visit: the first (not measured) filled the cache; a blank page in between. */
async function warm(browser: Browser, base: string, t: Target): Promise<number> {
  const context = await newContext(browser, base, t.session);
  try {
    const page = await emulatedPage(context);
    await page.goto(t.url, { waitUntil: 'commit' });
    await t.ready(page);
    await page.goto('about:blank');
    await page.goto(t.url, { waitUntil: 'commit' });
    return await t.ready(page);
  } finally {
    await context.close();
  }
}

/**
 * A returning user: the first visit (not measured) registered the service worker, which precached the
 * app; once it is active and controls the page, a blank page, then the measured visit. The worker
 * answers the page and its code from its cache; the API answers still come over the emulated link
 * (the worker does not handle /api: the page's own requests, throttled as the page's).
 */
async function returning(browser: Browser, base: string, t: Target): Promise<number> {
  const context = await newContext(browser, base, t.session, 'allow');
  try {
    const page = await emulatedPage(context);
    await page.goto(t.url, { waitUntil: 'commit' });
    await t.ready(page);
    await page.waitForFunction(() => navigator.serviceWorker?.controller?.state === 'activated', null, {
      timeout: 120_000,
    });
    await page.goto('about:blank');
    await page.goto(t.url, { waitUntil: 'commit' });
    return await t.ready(page);
  } finally {
    await context.close();
  }
}

export async function benchClientSlowLink(opts: {
  dbUrl: string;
  tmp: string;
  log: (s: string) => void;
}): Promise<Row[]> {
  const { appOut, floorOut } = await clientBuilds(opts.tmp, opts.log);
  const server = node(await builtServe(), { BENCH_DB_URL: opts.dbUrl, BENCH_CLIENT_DIR: appOut });
  let floorServer: Awaited<ReturnType<typeof serveFloor>> | undefined;
  let browser: Browser | undefined;
  try {
    const ports = await firstJsonLine<{ app: number }>(server);
    const base = `http://127.0.0.1:${ports.app}`;
    floorServer = await serveFloor(floorOut);
    opts.log(`  a focal point's period of ${GRID_ROWS} rows, through the API`);
    const entry = await prepareEntryPeriod(opts.dbUrl, base, 'slow');
    const session = await signIn(base, entry.email);
    const chart = (sel: string) => (page: Page) => whenChartDrawn(page, `[data-testid="${sel}"]`);
    const floor: Target = {
      name: 'floor page',
      url: floorServer.url,
      session: null,
      ready: chart('compare-chart'),
    };
    // The nearest any page that asks a server for its data can come: the floor page, fetching it.
    const fetchingFloor: Target = {
      ...floor,
      name: 'floor page fetching its data',
      url: floorServer.fetchingUrl,
    };
    const targets: Target[] = [
      {
        name: '/countries/JOR → first chart drawn',
        url: `${base}/countries/JOR`,
        session: null,
        ready: chart('compare-chart'),
      },
      {
        name: '/compare → distribution chart drawn',
        url: `${base}/compare`,
        session: null,
        ready: chart('distribution-chart'),
      },
      {
        name: '/due, signed in → the due list shown',
        url: `${base}/due`,
        session,
        ready: (page) => whenShown(page, 'table a[href^="/periods/"]'),
      },
      {
        name: `/periods/:id, signed in → the grid's ${GRID_ROWS} rows shown`,
        url: `${base}/periods/${entry.periodId}`,
        session,
        ready: (page) => whenShown(page, 'tr[data-row]', GRID_ROWS),
      },
    ];
    browser = await launchBrowser();
    const b = browser;
    const rows: Row[] = [];
    const section = 'Client, Chromium on a slow link (1.6 Mbps down, 750 kbps up, 150 ms RTT)';
    // The floor page has no service worker: its warm visit is a returning user's floor too.
    const floorMs = { cold: 0, warm: 0 };
    const floorBytes: number[] = [];
    // At the emulated rate, in bytes per millisecond.
    const rate = SLOW_LINK.downloadThroughput / 1000;
    for (const [kind, visit, budget, floorKind] of [
      ['cold', cold, 1.5, 'cold'],
      ['warm', warm, 1.1, 'warm'],
      ['returning (service worker installed)', returning, 1.1, 'warm'],
    ] as const) {
      if (kind === floorKind) {
        opts.log(`  slow link, ${kind}: floor page, and fetching its data`);
        floorMs[kind] =
          kind === 'cold'
            ? await medianOf(RUNS, () => cold(b, base, floor, floorBytes))
            : await medianOf(RUNS, () => visit(b, base, floor));
        const ms = await medianOf(RUNS, () => visit(b, base, fetchingFloor));
        rows.push(
          row(
            section,
            `${kind}: floor page fetching its data (one request, sent before React renders; median of ${RUNS})`,
            ms,
            'ms',
            { name: `floor page, ${kind}`, value: floorMs[kind] },
          ),
        );
      }
      for (const t of targets) {
        opts.log(`  slow link, ${kind}: ${t.url.slice(base.length)}`);
        const bytes: number[] = [];
        const ms = await medianOf(RUNS, () =>
          kind === 'cold' ? cold(b, base, t, bytes) : visit(b, base, t),
        );
        if (kind === 'cold') {
          // What a cold visit cannot beat on this link: receiving its bytes, plus what the floor page
          // spends besides receiving its own (round trips, work).
          const got = percentile(
            [...bytes].sort((a, b) => a - b),
            50,
          );
          const floorGot = percentile(
            [...floorBytes].sort((a, b) => a - b),
            50,
          );
          const floorOther = floorMs.cold - floorGot / rate;
          rows.push(
            row(section, `cold: ${t.name}: kB received before it`, got / 1000, 'kB', {
              name: 'floor page, cold',
              value: floorGot / 1000,
            }),
            row(
              section,
              `cold: ${t.name}, against receiving its bytes + the floor page's other time`,
              ms,
              'ms',
              {
                name: `${Math.round(got / 1000)} kB at 1.6 Mbps + the floor's other ${Math.round(floorOther)} ms`,
                value: got / rate + floorOther,
              },
            ),
          );
        }
        rows.push(
          row(
            section,
            `${kind}: ${t.name} (median of ${RUNS})`,
            ms,
            'ms',
            { name: `floor page, ${floorKind}`, value: floorMs[floorKind] },
            { ratioMax: budget },
          ),
        );
      }
    }
    return rows;
  } finally {
    await browser?.close();
    await floorServer?.close();
    await stop(server);
  }
}
