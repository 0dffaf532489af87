import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { apiGet, apiSend, noContent } from '../../client/lib/api-client';
import { trackCodeLoad } from '../../client/lib/code-loading';
import { forgetAnswers, keptAnswer } from '../../client/lib/offline/answers';
import { CountrySchema } from '../../shared';
import { jordan } from './support/fixtures';
import { mockApi } from './support/mock-api';

/** The document as it is while a page is still loading, until `loaded()` fires its load event. */
function pageLoading() {
  Object.defineProperty(document, 'readyState', { value: 'loading', configurable: true });
  return () => {
    Object.defineProperty(document, 'readyState', { value: 'complete', configurable: true });
    window.dispatchEvent(new Event('load'));
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 30));

describe('reads kept for working offline', () => {
  beforeEach(async () => {
    await forgetAnswers();
  });
  afterEach(() => {
    Object.defineProperty(document, 'readyState', { value: 'complete', configurable: true });
    vi.unstubAllGlobals();
  });

  it('are kept once the page has loaded, not while it renders', async () => {
    const loaded = pageLoading();
    mockApi({ '/countries/JOR': () => ({ body: jordan }) });
    await expect(apiGet('/countries/JOR', CountrySchema)).resolves.toEqual(jordan);
    await settle();
    expect(await keptAnswer('/countries/JOR')).toBeNull();
    loaded();
    await vi.waitFor(async () => expect((await keptAnswer('/countries/JOR'))?.body).toEqual(jordan));
  });

  it("wait for a chart's code still loading once the page has loaded, then are kept", async () => {
    const loaded = pageLoading();
    let chartIn!: () => void;
    const chart = trackCodeLoad(
      new Promise<void>((r) => {
        chartIn = r;
      }),
    );
    mockApi({ '/countries/JOR': () => ({ body: jordan }) });
    await apiGet('/countries/JOR', CountrySchema);
    loaded();
    await settle();
    expect(await keptAnswer('/countries/JOR')).toBeNull();
    chartIn();
    await chart;
    await vi.waitFor(async () => expect((await keptAnswer('/countries/JOR'))?.body).toEqual(jordan));
  });

  it('are not kept when a write (signing out among them) comes before they are', async () => {
    const loaded = pageLoading();
    mockApi({
      '/countries/JOR': () => ({ body: jordan }),
      '/auth/logout': () => ({ status: 204, body: null }),
    });
    await apiGet('/countries/JOR', CountrySchema);
    await apiSend('POST', '/auth/logout', noContent);
    loaded();
    await settle();
    expect(await keptAnswer('/countries/JOR')).toBeNull();
    // A read after the write is kept as usual.
    await apiGet('/countries/JOR', CountrySchema);
    await vi.waitFor(async () => expect((await keptAnswer('/countries/JOR'))?.body).toEqual(jordan));
  });

  it('are not kept when they were asked for before a write and answered after it', async () => {
    let answer!: () => void;
    mockApi({
      '/countries/JOR': () =>
        new Promise((resolve) => {
          answer = () => resolve({ body: jordan });
        }),
      '/auth/logout': () => ({ status: 204, body: null }),
    });
    // Asked for while signed in, answered once signing out has been sent.
    const read = apiGet('/countries/JOR', CountrySchema);
    await vi.waitFor(() => expect(answer).toBeDefined());
    const logout = apiSend('POST', '/auth/logout', noContent);
    answer();
    await expect(read).resolves.toEqual(jordan);
    await logout;
    await settle();
    expect(await keptAnswer('/countries/JOR')).toBeNull();
  });
});
