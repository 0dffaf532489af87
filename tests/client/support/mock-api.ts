import { vi } from 'vitest';

export interface MockResponse {
  status?: number;
  body: unknown;
  headers?: Record<string, string>;
}
/** Gets the URL and, for writes, the request init (method, headers, body). */
type Handler = (url: URL, init?: RequestInit) => MockResponse | Promise<MockResponse>;

/**
 * Replaces fetch with a tiny router over /api paths. Unmatched requests answer 500 so a
 * missing mock shows up as an error state (and a failing assertion), never a hang.
 * Returns the spy so tests can inspect the URLs requested.
 */
export function mockApi(routes: Record<string, Handler>) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    const path = url.pathname.replace(/^\/api/, '');
    const handler = routes[path];
    const res: MockResponse = handler
      ? await handler(url, init)
      : {
          status: 500,
          body: {
            error: 'Internal Server Error',
            message: `No mock for ${path}`,
            statusCode: 500,
            requestId: 'mock',
          },
        };
    if (res.status === 204) return new Response(null, { status: 204 });
    return new Response(JSON.stringify(res.body), {
      status: res.status ?? 200,
      headers: { 'content-type': 'application/json', ...res.headers },
    });
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

/** The URLs fetch was called with, e.g. to check query parameters. */
export function requestedUrls(fetchMock: ReturnType<typeof mockApi>): URL[] {
  return fetchMock.mock.calls.map(([input]) => new URL(String(input), 'http://localhost'));
}
