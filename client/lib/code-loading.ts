/**
 * Code loaded on demand that is still on its way (a chart's Chart.js: components/ui/on-demand.tsx).
 * The page has not settled while some is (lib/page-settled.ts): the browser's load event does not wait
 * for modules a script imports, and on a slow link the offline machinery's chunk then took bandwidth
 * from Chart.js while the country page's chart waited for it.
 */
let loading = 0;
const listeners = new Set<() => void>();

/** Counts `load` as in flight until it has settled; resolves or rejects as it does. */
export function trackCodeLoad<T>(load: Promise<T>): Promise<T> {
  loading++;
  const done = () => {
    loading--;
    for (const listener of [...listeners]) listener();
  };
  load.then(done, done);
  return load;
}

export function codeLoading(): boolean {
  return loading > 0;
}

/** Calls `listener` each time a tracked load settles; returns a function that stops it. */
export function onCodeLoaded(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
