import type { FastifyInstance } from 'fastify';
import { isAssetUrl } from './static';

/**
 * The Content-Security-Policy: only this origin's own scripts, styles and API (the built Vite client
 * needs nothing else: no inline script, no CDN — checked in Chromium by the browser tests, which
 * fail on any console error); images may also be data: URLs (the favicon).
 */
const CSP: Record<string, string[]> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

const policy = (directives: Record<string, string[]>) =>
  Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join(';');

/**
 * Helmet's headers (helmet 8 defaults, with the CSP above and no Cross-Origin-Embedder-Policy), as
 * constants: they never vary by request, and @fastify/helmet rebuilt helmet's middleware on every
 * request (a third of the fixed cost of a request). Strict-Transport-Security: browsers honour it over
 * HTTPS only, so HTTP deployments on a ministry's local network are unaffected.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': policy(CSP),
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'referrer-policy': 'no-referrer',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-dns-prefetch-control': 'off',
  'x-download-options': 'noopen',
  'x-frame-options': 'SAMEORIGIN',
  'x-permitted-cross-domain-policies': 'none',
  'x-xss-protection': '0',
};

/** Swagger UI applies inline styles (Chromium reports a violation under style-src 'self'): its pages alone may. */
const DOCS_HEADERS: Readonly<Record<string, string>> = {
  ...SECURITY_HEADERS,
  'content-security-policy': policy({ ...CSP, 'style-src': ["'self'", "'unsafe-inline'"] }),
};

/**
 * The built client's hashed files (/assets/*: scripts, styles, images) are subresources: a CSP, frame,
 * opener, referrer or HSTS header on them does nothing (they apply to documents and workers, and the
 * service worker, sw.js, is not under /assets/). Of the set, only these two act on a subresource; the
 * rest was ~1 kB on each of a page's dozens of requests, which on a slow link costs time.
 */
export const ASSET_HEADERS: Readonly<Record<string, string>> = {
  'cross-origin-resource-policy': SECURITY_HEADERS['cross-origin-resource-policy'] ?? 'same-origin',
  'x-content-type-options': SECURITY_HEADERS['x-content-type-options'] ?? 'nosniff',
};

/**
 * API answers (JSON, and the exports and reports a browser downloads or opens): the headers OWASP's REST
 * Security Cheat Sheet lists for an API (CSP, HSTS, nosniff, X-Frame-Options), plus the resource and
 * referrer policies. The others of the document set (opener, origin agent cluster, DNS prefetch,
 * download options, cross-domain policies, the XSS auditor) act on a page a user browses, which an API
 * answer is not; each header is validated and written by Node on every answer, and an API request is
 * the most frequent request there is.
 */
export const API_HEADERS: Readonly<Record<string, string>> = Object.fromEntries(
  [
    'content-security-policy',
    'cross-origin-resource-policy',
    'referrer-policy',
    'strict-transport-security',
    'x-content-type-options',
    'x-frame-options',
  ].map((name) => [name, SECURITY_HEADERS[name] ?? '']),
);

/** Which set an answer carries, from its URL alone. */
export function securityHeadersFor(url: string): Readonly<Record<string, string>> {
  if (isAssetUrl(url)) return ASSET_HEADERS;
  if (url.startsWith('/api/')) return url.startsWith('/api/docs') ? DOCS_HEADERS : API_HEADERS;
  return SECURITY_HEADERS;
}

/**
 * Security headers on every answer (errors and 404s too: they are set before routing decides
 * anything): the full set on documents (pages, the service worker) and the API docs, the API's set on
 * /api/*, the lean set on /assets/*.
 */
export function registerSecurityHeaders(app: FastifyInstance) {
  app.addHook('onRequest', (req, reply, done) => {
    reply.headers(securityHeadersFor(req.url));
    done();
  });
}
