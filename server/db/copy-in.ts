import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Sql } from 'postgres';

/**
 * Runs `COPY … FROM STDIN` on a postgres.js client (a transaction's, to make the COPY part of it) and
 * sends it the chunks; resolves when Postgres has taken every row, rejects with Postgres's error.
 *
 * Why not just pipe into `.writable()`: when Postgres refuses the data after the last chunk was
 * sent (a duplicate key, an unknown country, a trigger's exception — checked as the rows are
 * inserted, after CopyDone for any COPY that fits in the socket's buffers), postgres.js 3.4.9
 * neither finishes nor fails the writable, so the pipeline waits forever and the caller's transaction
 * is never rolled back (porsager/postgres#1173; fix proposed in porsager/postgres#1183). The error
 * still reaches the query's `reject` (the query itself has already resolved to the stream, so it goes
 * nowhere): it is caught there and fails the writable, which fails the pipeline.
 */
export async function copyInPostgres(client: Sql, copyFromStdin: string, chunks: Iterable<string>) {
  const query = client.unsafe(copyFromStdin) as ReturnType<Sql['unsafe']> & { reject?: (e: unknown) => void };
  let writable: Writable | undefined;
  let failed: Error | undefined;
  const reject = query.reject;
  if (typeof reject === 'function') {
    query.reject = (error: unknown) => {
      failed = error instanceof Error ? error : new Error(String(error));
      writable?.destroy(failed);
      reject(error);
    };
  }
  writable = await query.writable();
  if (failed) throw failed;
  await pipeline(Readable.from(chunks), writable);
}
