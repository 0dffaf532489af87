import type { QueryClient } from '@tanstack/react-query';
import { afterPaint } from './after-paint';
import { codeLoading, onCodeLoaded } from './code-loading';

/**
 * Calls `start` once the page has loaded and its answers and charts' code are in and painted (nothing
 * being fetched, still so after the next paint: a page asks for more as it renders what came), or
 * `latestMs` after the call at the latest. Returns a function that cancels it.
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
  const busy = () => queryClient.isFetching() > 0 || codeLoading();
  const check = () => {
    if (done || document.readyState !== 'complete' || busy()) return;
    cancelPaint();
    cancelPaint = afterPaint(() => {
      if (!busy()) run();
    });
  };
  const unsubscribe = queryClient.getQueryCache().subscribe(check);
  const stopCode = onCodeLoaded(check);
  window.addEventListener('load', check);
  const first = setTimeout(check, 0);
  const latest = setTimeout(run, latestMs);
  function cleanup() {
    unsubscribe();
    stopCode();
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
