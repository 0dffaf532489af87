import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { onDemand } from '../../client/components/ui/on-demand';
import { afterPaint } from '../../client/lib/after-paint';
import { codeLoading, trackCodeLoad } from '../../client/lib/code-loading';
import { whenPageSettled } from '../../client/lib/page-settled';

/** Lets timers and animation frames run for `ms` of real time. */
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

function deferred() {
  let resolve!: (v: string) => void;
  const promise = new Promise<string>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe('afterPaint', () => {
  it('calls once after the next animation frame, or at the latest after its timer', async () => {
    const fn = vi.fn();
    afterPaint(fn, 1000);
    expect(fn).not.toHaveBeenCalled();
    await wait(100);
    expect(fn).toHaveBeenCalledTimes(1);
    // Without animation frames (a hidden tab), the timer.
    const raf = vi.spyOn(globalThis, 'requestAnimationFrame').mockImplementation(() => 1);
    const late = vi.fn();
    afterPaint(late, 50);
    await wait(20);
    expect(late).not.toHaveBeenCalled();
    await wait(80);
    expect(late).toHaveBeenCalledTimes(1);
    raf.mockRestore();
  });

  it('cancelled, never calls', async () => {
    const fn = vi.fn();
    afterPaint(fn, 30)();
    await wait(80);
    expect(fn).not.toHaveBeenCalled();
  });
});

describe('whenPageSettled: the offline machinery starts once the page has its answers', () => {
  afterEach(() => vi.restoreAllMocks());

  it('waits while a query is fetching, starts once its answer is in and painted', async () => {
    const queryClient = new QueryClient();
    const answer = deferred();
    void queryClient.fetchQuery({ queryKey: ['page'], queryFn: () => answer.promise });
    const start = vi.fn();
    whenPageSettled(queryClient, start, 5000);
    await wait(100);
    expect(start).not.toHaveBeenCalled();
    answer.resolve('in');
    await wait(100);
    expect(start).toHaveBeenCalledTimes(1);
  });

  it('a page that asks for more as it renders what came keeps it waiting', async () => {
    const queryClient = new QueryClient();
    const first = deferred();
    const second = deferred();
    const firstIn = queryClient.fetchQuery({ queryKey: ['first'], queryFn: () => first.promise });
    const start = vi.fn();
    whenPageSettled(queryClient, start, 5000);
    await wait(50);
    first.resolve('in');
    await firstIn;
    // Nothing is being fetched now; before the next paint, the page asks for the next answer.
    expect(queryClient.isFetching()).toBe(0);
    void queryClient.fetchQuery({ queryKey: ['second'], queryFn: () => second.promise });
    await wait(100);
    expect(start).not.toHaveBeenCalled();
    second.resolve('in');
    await wait(100);
    expect(start).toHaveBeenCalledTimes(1);
  });

  it('starts at the latest after its time, and cancelled never', async () => {
    const queryClient = new QueryClient();
    void queryClient.fetchQuery({ queryKey: ['never'], queryFn: () => new Promise(() => {}) });
    const start = vi.fn();
    whenPageSettled(queryClient, start, 60);
    const cancelled = vi.fn();
    whenPageSettled(queryClient, cancelled, 60)();
    await wait(150);
    expect(start).toHaveBeenCalledTimes(1);
    expect(cancelled).not.toHaveBeenCalled();
  });
});

describe('whenPageSettled: and once the code of what the page shows is in', () => {
  it("waits while a chart's code is loading, starts once it is in, whether it loaded or failed", async () => {
    const queryClient = new QueryClient();
    let loaded!: () => void;
    const chart = trackCodeLoad(
      new Promise<void>((r) => {
        loaded = r;
      }),
    );
    const start = vi.fn();
    whenPageSettled(queryClient, start, 5000);
    await wait(100);
    expect(codeLoading()).toBe(true);
    expect(start).not.toHaveBeenCalled();
    loaded();
    await chart;
    await wait(100);
    expect(codeLoading()).toBe(false);
    expect(start).toHaveBeenCalledTimes(1);

    const failing = trackCodeLoad(Promise.reject(new Error('offline')));
    const again = vi.fn();
    whenPageSettled(queryClient, again, 5000);
    await failing.catch(() => {});
    await wait(100);
    expect(again).toHaveBeenCalledTimes(1);
  });

  it('a component loaded on demand counts as loading until its code is in', async () => {
    let resolve!: (m: { default: () => null }) => void;
    const Chart = onDemand(
      () =>
        new Promise<{ default: () => null }>((r) => {
          resolve = r;
        }),
    );
    const preloading = Chart.preload();
    expect(codeLoading()).toBe(true);
    resolve({ default: () => null });
    await preloading;
    expect(codeLoading()).toBe(false);
  });
});
