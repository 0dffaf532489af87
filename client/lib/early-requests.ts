/**
 * Answers asked for before the app's code has run (client/early.ts), handed to the api client when a
 * page asks for the same URL: each is used once, by the first GET of that URL, and only while fresh
 * and successful (an error, e.g. a 401 before signing in, or an answer nobody took for a minute, is
 * asked for again). Kept in a module of its own, which both the early script and the api client
 * import, so both see the same map.
 */
const FRESH_MS = 60_000;
const early = new Map<string, { at: number; res: Promise<Response> }>();

export function startEarly(url: string, init: RequestInit) {
  if (early.has(url)) return;
  const res = fetch(url, init);
  res.catch(() => {}); // a failed early request is asked again by the page (takeEarly)
  early.set(url, { at: Date.now(), res });
}

/** The early answer to this URL, if one was asked for, not yet taken and still fresh. */
export function takeEarly(url: string): Promise<Response> | undefined {
  const e = early.get(url);
  early.delete(url);
  if (!e || Date.now() - e.at > FRESH_MS) return undefined;
  return e.res;
}

/** Drops every early answer not yet taken (a write was sent: they may no longer be what the server says). */
export function forgetEarly() {
  early.clear();
}
