import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compressAssets } from '../../scripts/build.mjs';
import { buildApp } from '../../server/app';
import type { Database } from '../../server/db/client';
import { API_HEADERS, SECURITY_HEADERS } from '../../server/plugins/security';
import { openTestDatabase } from '../setup/test-db';

// A client build as Vite lays it out: index.html at the root, content-hashed files under assets/.
const dist = mkdtempSync(path.join(os.tmpdir(), 'nap-serving-'));
const script = `console.log(${JSON.stringify('NAP Tracker '.repeat(2000))});\n`;
const INDEX = `<!doctype html><html><head><script type="module" src="/assets/index-AbC123.js"></script></head><body>${'<div></div>'.repeat(200)}</body></html>`;
mkdirSync(path.join(dist, 'assets'));
writeFileSync(path.join(dist, 'index.html'), INDEX);
writeFileSync(path.join(dist, 'assets/index-AbC123.js'), script);
writeFileSync(
  path.join(dist, 'assets/index-AbC123.js.map'),
  '{"version":3,"sources":["main.tsx"],"mappings":""}',
);
writeFileSync(path.join(dist, 'assets/tiny-Zz9.js'), 'export{};'); // under 1 kB: not worth compressing
writeFileSync(path.join(dist, 'sw.js'), 'self.addEventListener("fetch",()=>{});'); // the service worker
mkdirSync(path.join(dist, 'icons'));
const ICON = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>';
writeFileSync(path.join(dist, 'icons/icon.svg'), ICON);
const sizes = compressAssets(dist);

let database: Database;
let app: FastifyInstance;
let withMaps: FastifyInstance;
beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildApp({ database, clientDistDir: dist });
  withMaps = await buildApp({ database, clientDistDir: dist, serveSourceMaps: true });
});
afterAll(async () => {
  await app.close();
  await withMaps.close();
  await database.close();
  rmSync(dist, { recursive: true, force: true });
});

const IMMUTABLE = 'public, max-age=31536000, immutable';

describe('the build compresses the client', () => {
  it('writes brotli and gzip beside every compressible file over 1 kB, smaller than the file', () => {
    expect(sizes.files).toBe(2); // index.html and the script; not the map, not the tiny file
    const raw = readFileSync(path.join(dist, 'assets/index-AbC123.js'));
    const br = readFileSync(path.join(dist, 'assets/index-AbC123.js.br'));
    const gz = readFileSync(path.join(dist, 'assets/index-AbC123.js.gz'));
    expect(br.length).toBeLessThan(raw.length);
    expect(gz.length).toBeLessThan(raw.length);
    expect(brotliDecompressSync(br).equals(raw)).toBe(true);
    expect(gunzipSync(gz).equals(raw)).toBe(true);
  });
});

describe('serving the built client', () => {
  it('sends a hashed asset as brotli when accepted, cached for a year as immutable', async () => {
    const res = await app.inject({
      url: '/assets/index-AbC123.js',
      headers: { 'accept-encoding': 'gzip, br' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toBe(IMMUTABLE);
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(res.rawPayload).toString()).toBe(script);
  });

  it('falls back to gzip, then to the plain file, by Accept-Encoding', async () => {
    const gz = await app.inject({ url: '/assets/index-AbC123.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(script);
    const plain = await app.inject({
      url: '/assets/index-AbC123.js',
      headers: { 'accept-encoding': 'identity' },
    });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
    expect(plain.headers['cache-control']).toBe(IMMUTABLE);
  });

  it('revalidates index.html on every visit, at / and on deep links alike', async () => {
    for (const url of ['/', '/countries/JOR', '/compare?country=EGY']) {
      const res = await app.inject({ url, headers: { 'accept-encoding': 'br' } });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(res.headers['content-type'], url).toMatch(/text\/html/);
      expect(brotliDecompressSync(res.rawPayload).toString(), url).toBe(INDEX);
    }
  });

  it('answers 404 for an asset this build does not have, never the page in its place', async () => {
    const res = await app.inject({ url: '/assets/index-OldHash.js' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/json/);
  });

  it('does not serve the compressed files under their own names', async () => {
    for (const url of ['/assets/index-AbC123.js.br', '/assets/index-AbC123.js.gz']) {
      expect((await app.inject({ url })).statusCode, url).toBe(404);
    }
  });

  it('keeps source maps private unless SERVE_SOURCE_MAPS is on', async () => {
    expect((await app.inject({ url: '/assets/index-AbC123.js.map' })).statusCode).toBe(404);
    const served = await withMaps.inject({ url: '/assets/index-AbC123.js.map' });
    expect(served.statusCode).toBe(200);
    expect(served.json().version).toBe(3);
  });

  it('serves the files outside assets/ at their paths, revalidated, and nothing above the build', async () => {
    const icon = await app.inject({ url: '/icons/icon.svg' });
    expect(icon.statusCode).toBe(200);
    expect(icon.body).toBe(ICON);
    expect(icon.headers['cache-control']).toBe('no-cache');
    expect(icon.headers['content-type']).toMatch(/image\/svg\+xml/);
    const sw = await app.inject({ url: '/sw.js?v=2' });
    expect(sw.statusCode).toBe(200);
    expect(sw.headers['content-type']).toMatch(/javascript/);
    // A HEAD answers as the GET would, without the body.
    const head = await app.inject({ method: 'HEAD', url: '/assets/index-AbC123.js' });
    expect(head.statusCode).toBe(200);
    expect(head.body).toBe('');
    // A file beside the build, reached by climbing out of it, is never sent (a URL that resolves inside
    // the build is what it names: the page, here).
    const secret = `${path.basename(dist)}-secret.txt`;
    writeFileSync(path.join(dist, '..', secret), 'not part of the build');
    try {
      for (const url of [
        `/assets/../../${secret}`,
        `/assets/%2e%2e/%2e%2e/${secret}`,
        `/assets/..%2f..%2f${secret}`,
        `/icons/..%2f..%2f${secret}`,
        `/..%2f${secret}`,
      ]) {
        const res = await app.inject({ url });
        expect(res.body, url).not.toContain('not part of the build');
        if (res.statusCode === 200) expect(res.body, url).toBe(INDEX);
      }
    } finally {
      rmSync(path.join(dist, '..', secret), { force: true });
    }
  });

  it('sends a file too small to compress as it is', async () => {
    const res = await app.inject({ url: '/assets/tiny-Zz9.js', headers: { 'accept-encoding': 'br, gzip' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body).toBe('export{};');
  });
});

describe('headers of the built client', () => {
  const full = (res: { headers: Record<string, unknown> }, url: string) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS))
      expect(res.headers[name], `${url} ${name}`).toBe(value);
  };

  it('sends a hashed asset with its caching headers and only the security headers a subresource uses', async () => {
    for (const url of ['/assets/index-AbC123.js', '/assets/tiny-Zz9.js']) {
      const res = await app.inject({ url, headers: { 'accept-encoding': 'br' } });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['cross-origin-resource-policy'], url).toBe('same-origin');
      expect(res.headers['cache-control'], url).toBe(IMMUTABLE);
      for (const name of [
        'content-security-policy',
        'cross-origin-opener-policy',
        'strict-transport-security',
        'x-frame-options',
        'referrer-policy',
        'x-request-id',
      ])
        expect(res.headers[name], `${url} ${name}`).toBeUndefined();
    }
    // One that is not found is an error like any other: its request id is kept, to find it in the log.
    const missing = await app.inject({ url: '/assets/index-OldHash.js' });
    expect(missing.headers['x-content-type-options']).toBe('nosniff');
    expect(missing.headers['x-request-id']).toBeDefined();
  });

  it('keeps the full set on documents and the service worker, and the API set on the API', async () => {
    for (const url of ['/', '/countries/JOR', '/sw.js']) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(200);
      full(res, url);
      expect(res.headers['x-request-id'], url).toBeDefined();
    }
    // An API answer, a refused one too: what OWASP's REST cheat sheet asks of an API, not the page-only rest.
    for (const url of ['/api/health', '/api/no-such-route']) {
      const res = await app.inject({ url });
      for (const [name, value] of Object.entries(API_HEADERS))
        expect(res.headers[name], `${url} ${name}`).toBe(value);
      expect(res.headers['content-security-policy'], url).toContain("frame-ancestors 'none'");
      expect(res.headers['x-frame-options'], url).toBe('SAMEORIGIN');
      for (const name of ['cross-origin-opener-policy', 'origin-agent-cluster', 'x-xss-protection'])
        expect(res.headers[name], `${url} ${name}`).toBeUndefined();
      expect(res.headers['x-request-id'], url).toBeDefined();
    }
    const docs = await app.inject({ url: '/api/docs' });
    expect(String(docs.headers['content-security-policy'])).toContain("script-src 'self'");
    expect(docs.headers['x-frame-options']).toBe('SAMEORIGIN');
  });
});
