/**
 * Answers asked for before the app's code has run (client/early.ts), handed to the api client when a
 * page asks for the same URL: each is used once, by the first GET of that URL. Kept in a module of its
 * own, which both the early script and the api client import, so both see the same map.
 */
const early = new Map<string, Promise<Response>>();

export function startEarly(url: string, init: RequestInit) {
  if (early.has(url)) return;
  const res = fetch(url, init);
  res.catch(() => {}); // a failed early request is asked again by the page (takeEarly)
  early.set(url, res);
}

/** The early answer to this URL, if one was asked for and not yet taken. */
export function takeEarly(url: string): Promise<Response> | undefined {
  const res = early.get(url);
  early.delete(url);
  return res;
}
