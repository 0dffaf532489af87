import type { FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { DbOrTx } from '../../db/client';
import { acceptedEncoding, compress, MIN_COMPRESS_BYTES, markEncoded } from '../../plugins/compression';
import { currentVersion } from './version-repository';

/**
 * Comparison answers cached by the data version in Postgres (analytics_version, bumped by triggers
 * in the transaction of every write behind the comparisons). Each request reads the version (one
 * primary-key look-up); an answer is reused only while the version is the one it was computed
 * under, so every process serving the database agrees, and a write is seen by the next request.
 * The version is also the ETag: a browser revalidating an unchanged answer gets 304 and no body.
 */
/** A JSON body: a string is sent in one write with the response's headers (a Buffer takes two). */
type Body = string | Buffer;

export class ResponseCache {
  private readonly entries = new Map<string, { version: number; body: Body }>();

  /** maxEntries 0 turns the cache off (each request computes; the ETag/304 still applies). */
  constructor(private readonly maxEntries: number) {}

  get(key: string, version: number): Body | undefined {
    const hit = this.entries.get(key);
    if (!hit || hit.version !== version) return undefined;
    // Least recently used goes first: move the hit to the end.
    this.entries.delete(key);
    this.entries.set(key, hit);
    return hit.body;
  }

  set(key: string, version: number, body: Body): void {
    if (this.maxEntries <= 0) return;
    this.entries.delete(key);
    this.entries.set(key, { version, body });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }
}

/**
 * Reads the version for many concurrent requests at once: a request never joins a read already
 * under way (it may have started before a write the request must see); it waits for the next one,
 * which starts when the current one ends and serves every request that arrived meanwhile. So each
 * answer reflects every write committed before its request arrived, with one query per round trip
 * instead of one per request (50 connections: ~2 queries in flight instead of 50).
 */
export class VersionReader {
  private inFlight: Promise<number> | null = null;
  private next: Promise<number> | null = null;

  constructor(private readonly query: () => Promise<number>) {}

  read(): Promise<number> {
    if (!this.inFlight) return this.start();
    if (!this.next) {
      const after = this.inFlight.then(
        () => undefined,
        () => undefined,
      );
      this.next = after.then(() => {
        this.next = null;
        return this.start();
      });
    }
    return this.next;
  }

  private start(): Promise<number> {
    const p = this.query().finally(() => {
      if (this.inFlight === p) this.inFlight = null;
    });
    this.inFlight = p;
    return p;
  }
}

/** The reader of the data version of this database (its query: version-repository.ts). */
export function dataVersionReader(db: DbOrTx): VersionReader {
  return new VersionReader(() => currentVersion(db));
}

/**
 * Answers with the cached JSON for key when it is current, else computes it, writes it as JSON and
 * caches it. `key` must hold everything the answer depends on besides the data (query, and the
 * viewer where it matters).
 *
 * The answer is not passed through the route's response schema here: the services build it from the
 * schema's own types, field by field, with nothing to transform (no dates, no codecs), so encoding
 * it changed nothing but cost four times JSON.stringify (1.4 ms of a comparison, 7 ms of a heatmap).
 * tests/server/compare-encoding.test.ts checks, for every kind of group and source, that the answer
 * is exactly what the schema gives back. The answer carries the schemas' version like the serialized
 * ones (server/app.ts): a client of another version checks it with its own schema.
 */
export async function sendCached<S extends z.ZodType>(
  req: FastifyRequest,
  reply: FastifyReply,
  opts: {
    versions: VersionReader;
    cache: ResponseCache;
    key: string;
    schema: S;
    compute: () => Promise<z.output<S>>;
  },
): Promise<void> {
  const version = await opts.versions.read();
  const etag = `"v${version}-${hash(opts.key)}"`;
  const tag = () => reply.header('etag', etag).header('cache-control', 'private, no-cache');
  // Awaiting the reply (it resolves once sent) lets the async handler end without an answer of its own.
  // A compressed answer carried the weak form of the tag (W/"…"): either matches.
  if (matches(req.headers['if-none-match'], etag)) return await tag().code(304).send();
  let body = opts.cache.get(opts.key, version);
  if (!body) {
    body = JSON.stringify(await opts.compute());
    opts.cache.set(opts.key, version, body);
  }
  // Tagged only now: an error thrown above (404, 400) carries no ETag.
  tag().header('content-type', 'application/json; charset=utf-8');
  // The compressed answer is cached beside the JSON (same version), so a hit costs no compression.
  const encoding =
    body.length >= MIN_COMPRESS_BYTES ? acceptedEncoding(req.headers['accept-encoding']) : null;
  if (encoding) {
    const encodedKey = `${encoding}\0${opts.key}`;
    let encoded = opts.cache.get(encodedKey, version);
    if (!encoded) {
      encoded = await compress(body, encoding);
      opts.cache.set(encodedKey, version, encoded);
    }
    markEncoded(reply, encoding);
    body = encoded;
  }
  await reply.send(body);
}

/** If-None-Match holds the tag, strong or weak (weak comparison, as for GET: RFC 9110 §13.1.2). */
function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((t) => {
    const tag = t.trim();
    return (tag.startsWith('W/') ? tag.slice(2) : tag) === etag || tag === '*';
  });
}

/** FNV-1a of the key, base 36: keeps ETags short whatever the query. */
function hash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}
