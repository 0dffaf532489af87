import zlib from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptedEncoding } from '../../server/plugins/compression';
import { openTestApp } from '../setup/test-db';

/*
 * JSON answers are compressed for browsers that accept it (a ministry's slow link waits on bytes):
 * brotli first, else gzip; the same JSON once decoded; nothing for small answers or clients that did
 * not ask; the comparison's cached answer keeps answering 304 to the tag a compressed answer carried.
 */
let app: FastifyInstance;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ app, close } = await openTestApp());
});
afterAll(async () => close());

const decode = (encoding: string | undefined, raw: Buffer) =>
  encoding === 'br'
    ? zlib.brotliDecompressSync(raw).toString()
    : encoding === 'gzip'
      ? zlib.gunzipSync(raw).toString()
      : raw.toString();

const COMPARE = '/api/compare?framework=tracss-2019-2020&country=JOR&groupType=who_region&group=EMR';

describe('compressed answers', () => {
  it.each([
    ['/api/countries', 'gzip, deflate, br, zstd', 'br'],
    ['/api/countries', 'gzip', 'gzip'],
    ['/api/countries', 'br;q=0, gzip;q=0.8', 'gzip'],
    [COMPARE, 'br', 'br'],
    [COMPARE, 'gzip', 'gzip'],
  ])('%s with Accept-Encoding %s comes as %s, the same JSON decoded', async (url, accept, expected) => {
    const plain = await app.inject({ url });
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    for (let i = 0; i < 2; i++) {
      // Twice: the comparison's second answer comes from its cache, compressed once.
      const res = await app.inject({ url, headers: { 'accept-encoding': accept } });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-encoding']).toBe(expected);
      expect(String(res.headers.vary)).toMatch(/Accept-Encoding/);
      expect(res.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
      expect(JSON.parse(decode(res.headers['content-encoding'], res.rawPayload))).toEqual(plain.json());
    }
  });

  it('leaves small answers, clients that do not ask and refused encodings as they are', async () => {
    const health = await app.inject({ url: '/api/health', headers: { 'accept-encoding': 'br' } });
    expect(health.statusCode).toBe(200);
    expect(health.headers['content-encoding']).toBeUndefined();
    const identity = await app.inject({ url: '/api/countries', headers: { 'accept-encoding': 'identity' } });
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(identity.json().items.length).toBeGreaterThan(190);
    const refused = await app.inject({
      url: '/api/countries',
      headers: { 'accept-encoding': 'br;q=0, gzip;q=0' },
    });
    expect(refused.headers['content-encoding']).toBeUndefined();
  });

  it('a compressed comparison carries a weak tag, and that tag (or the strong one) gets 304', async () => {
    const first = await app.inject({ url: COMPARE, headers: { 'accept-encoding': 'br' } });
    const weak = String(first.headers.etag);
    expect(weak).toMatch(/^W\/"v\d+-/);
    const plain = await app.inject({ url: COMPARE });
    const strong = String(plain.headers.etag);
    expect(`W/${strong}`).toBe(weak);
    for (const tag of [weak, strong]) {
      const again = await app.inject({
        url: COMPARE,
        headers: { 'accept-encoding': 'br', 'if-none-match': tag },
      });
      expect(again.statusCode, tag).toBe(304);
      expect(again.rawPayload.length).toBe(0);
    }
  });

  it('reads Accept-Encoding as browsers and proxies write it', () => {
    expect(acceptedEncoding(undefined)).toBeNull();
    expect(acceptedEncoding('identity')).toBeNull();
    expect(acceptedEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(acceptedEncoding('GZIP')).toBe('gzip');
    expect(acceptedEncoding('*')).toBe('gzip');
    expect(acceptedEncoding('br; q=0, gzip')).toBe('gzip');
    expect(acceptedEncoding(['deflate', 'br'])).toBe('br');
  });
});
