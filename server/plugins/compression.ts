import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { FastifyInstance, FastifyReply } from 'fastify';

/**
 * JSON answers compressed for browsers that accept it: on a ministry's slow link the country page's
 * ~200 kB of JSON is most of the wait, and comparisons' JSON shrinks 10–20 times. Brotli at a low
 * quality (fast, still far smaller than gzip's default), else gzip; nothing under 1 kB (the headers
 * would cost more than they save). Streams (exports, the client's files, which are served already
 * compressed) are left as they are.
 */
export const MIN_COMPRESS_BYTES = 1024;

export type Encoding = 'br' | 'gzip';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** The encoding to answer with: brotli if accepted, else gzip, else none (`;q=0` refuses one). */
export function acceptedEncoding(header: string | string[] | undefined): Encoding | null {
  if (!header) return null;
  const offered = new Set<string>();
  for (const part of (Array.isArray(header) ? header.join(',') : header).split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (q && Number(q.slice(2)) === 0) continue;
    offered.add(name.trim());
  }
  if (offered.has('br')) return 'br';
  if (offered.has('gzip') || offered.has('*')) return 'gzip';
  return null;
}

export function compress(body: string | Buffer, encoding: Encoding): Promise<Buffer> {
  const size = Buffer.byteLength(body);
  if (encoding === 'gzip') return gzip(body, { level: 6 });
  return brotli(body, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 5,
      [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: size,
    },
  });
}

/**
 * Marks an answer as encoded: the header, `Vary` (a shared cache must not hand the brotli body to a
 * client that did not ask for it) and a weak ETag (a strong one names the exact bytes, which differ
 * by encoding; RFC 9110 §8.8.1).
 */
export function markEncoded(reply: FastifyReply, encoding: Encoding) {
  reply.header('content-encoding', encoding);
  const vary = reply.getHeader('vary');
  reply.header('vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
  const etag = reply.getHeader('etag');
  if (typeof etag === 'string' && etag.startsWith('"')) reply.header('etag', `W/${etag}`);
  reply.removeHeader('content-length');
}

function isJson(reply: FastifyReply): boolean {
  const type = reply.getHeader('content-type');
  return typeof type === 'string' && type.startsWith('application/json');
}

export function registerCompression(app: FastifyInstance) {
  // A callback hook with a synchronous way out: every small answer (health, 304s, errors) pays two checks.
  app.addHook('onSend', (req, reply, payload, done) => {
    if (
      (typeof payload !== 'string' && !Buffer.isBuffer(payload)) ||
      payload.length < MIN_COMPRESS_BYTES ||
      reply.getHeader('content-encoding') !== undefined ||
      !isJson(reply) ||
      // Answers that carry the session's CSRF token stay uncompressed (BREACH: a secret compressed
      // beside text a third party can put in the same answer); they are small anyway.
      req.url.startsWith('/api/auth/')
    )
      return done(null, payload);
    const encoding = acceptedEncoding(req.headers['accept-encoding']);
    // (A payload of 1,024 characters or more is at least as many bytes: no second size check.)
    if (!encoding) return done(null, payload);
    compress(payload, encoding).then(
      (encoded) => {
        markEncoded(reply, encoding);
        done(null, encoded);
      },
      // Compression failing is no reason to fail the answer: send it as it is.
      () => done(null, payload),
    );
  });
}
