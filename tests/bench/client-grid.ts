/**
 * The grid at work: a focal point of Jordan types a number in each of the 150 rows of a period's entry
 * grid, one after another (type, then Tab to the next row's cell), in Chromium on 127.0.0.1; measured
 * from the first keystroke, and from the last, until every row says "Saved". The floor: the same 150
 * saves (PUT /api/values/…, the grid's body) sent one after another by a script with the session
 * (Node's fetch), on another period of the same size.
 */
import type { Browser } from 'playwright-core';
import { clientBuilds, launchBrowser } from './client-build';
import { addSessionCookie, GRID_ROWS, gridCells, prepareEntryPeriod, send, signIn } from './client-session';
import { firstJsonLine, node, stop } from './processes';
import { type Row, row } from './report';
import { builtServe } from './serve-build';

/** The number typed in row i (the script sends the same). */
const numberOf = (i: number) => 100 + i;

export async function benchClientGrid(opts: {
  dbUrl: string;
  tmp: string;
  log: (s: string) => void;
}): Promise<Row[]> {
  const { appOut } = await clientBuilds(opts.tmp, opts.log);
  const server = node(await builtServe(), { BENCH_DB_URL: opts.dbUrl, BENCH_CLIENT_DIR: appOut });
  let browser: Browser | undefined;
  try {
    const ports = await firstJsonLine<{ app: number }>(server);
    const base = `http://127.0.0.1:${ports.app}`;
    opts.log(`  two periods of ${GRID_ROWS} rows, through the API`);
    const scripted = await prepareEntryPeriod(opts.dbUrl, base, 'script');
    const typed = await prepareEntryPeriod(opts.dbUrl, base, 'typed');

    opts.log(`  a script saves ${GRID_ROWS} values one after another`);
    const s1 = await signIn(base, scripted.email);
    const cells = await gridCells(base, s1, scripted.periodId);
    const t0 = performance.now();
    let i = 0;
    for (const c of cells) {
      await send(base, s1, 'PUT', c.path, {
        status: 'reported',
        value: { type: 'number', number: numberOf(i++) },
      });
    }
    const scriptMs = performance.now() - t0;

    opts.log(`  Chromium: a focal point types ${GRID_ROWS} values in the grid`);
    browser = await launchBrowser();
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      serviceWorkers: 'block',
    });
    await addSessionCookie(context, base, await signIn(base, typed.email));
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${base}/periods/${typed.periodId}`);
    await page
      .locator('tr[data-row]')
      .nth(GRID_ROWS - 1)
      .waitFor();
    // Each row's value input by its label (a CSS query: the accessibility tree of a 150-row grid is
    // slow to search on a loaded machine, and the bench measures the app, not the driver).
    const input = (code: string) => `input[aria-label="Value of ${code}"]`;
    await page.focus(input(typed.codes[0] as string));
    const start = await page.evaluate(() => performance.now());
    for (const [n] of typed.codes.entries()) {
      await page.keyboard.type(String(numberOf(n)));
      // Moving on: the next row's value (Tab would first walk the row's status and comment cells).
      const next = typed.codes[n + 1];
      if (next) await page.focus(input(next));
      else await page.keyboard.press('Tab');
    }
    const last = await page.evaluate(() => performance.now());
    const done = Number(
      await (
        await page
          .waitForFunction(
            (n) => {
              // The row's save state is a paragraph of its own ("Saved"); the row's textContent runs it
              // into its neighbours ("…-001SavedEvidence"), where no word boundary is found.
              const rows = [...document.querySelectorAll('tr[data-row]')];
              const saved = rows.filter((r) =>
                [...r.querySelectorAll('p')].some((p) => p.textContent === 'Saved'),
              ).length;
              return saved >= n ? performance.now() : false;
            },
            GRID_ROWS,
            { polling: 50, timeout: 120_000 },
          )
          .catch(async (e: unknown) => {
            // Say what the rows show instead (a state per row, counted), not only that the wait ran out.
            const states = await page.evaluate(() => {
              const count: Record<string, number> = {};
              for (const r of document.querySelectorAll('tr[data-row]')) {
                const s = [...r.querySelectorAll('p')].some((p) => p.textContent === 'Saved')
                  ? 'Saved'
                  : (r.querySelector('[role=alert], [data-save-state]')?.textContent ?? 'no state').slice(
                      0,
                      80,
                    );
                count[s] = (count[s] ?? 0) + 1;
              }
              return count;
            });
            throw new Error(`not every row says Saved: ${JSON.stringify(states)} (${String(e)})`);
          })
      ).jsonValue(),
    );
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
    await context.close();
    const section = `Grid at work: ${GRID_ROWS} values typed row after row, Chromium`;
    return [
      row(section, 'first keystroke → every row Saved', done - start, 'ms', {
        name: `script: ${GRID_ROWS} PUTs one after another`,
        value: scriptMs,
      }),
      row(section, 'last keystroke → every row Saved', done - last, 'ms', {
        name: 'script: one PUT (mean)',
        value: scriptMs / GRID_ROWS,
      }),
      row(section, `typing ${GRID_ROWS} values (first → last keystroke)`, last - start, 'ms', null),
    ];
  } finally {
    await browser?.close();
    await stop(server);
  }
}
