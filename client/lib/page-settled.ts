import type { QueryClient } from '@tanstack/react-query';
import { afterPaint } from './after-paint';

/**
 * Calls `start` once the page has loaded and its answers are in and painted (nothing being fetched,
 * still so after the next paint: a page asks for more as it renders what came), or `latestMs` after
 * the call at the latest. Returns a function that cancels it.
 */
export function whenPageSettled(queryClient: QueryClient, start: () => void, latestMs = 10_000): () => void {
  let done = false;
  let cancelPaint = () => {};
  const run = () => {
    if (done) return;
    done = true;
    cleanup();
    start();
  };
  const check = () => {
    if (done || document.readyState !== 'complete' || queryClient.isFetching() > 0) return;
    cancelPaint();
    cancelPaint = afterPaint(() => {
      if (queryClient.isFetching() === 0) run();
    });
  };
  const unsubscribe = queryClient.getQueryCache().subscribe(check);
  window.addEventListener('load', check);
  const first = setTimeout(check, 0);
  const latest = setTimeout(run, latestMs);
  function cleanup() {
    unsubscribe();
    window.removeEventListener('load', check);
    clearTimeout(first);
    clearTimeout(latest);
    cancelPaint();
  }
  return () => {
    done = true;
    cleanup();
  };
}
