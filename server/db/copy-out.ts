import net from 'node:net';
import type { Options as PostgresOptions } from 'postgres';

type SocketOptions = { host: string[]; port: number[]; path?: string | false };

/**
 * Streams `COPY (…) TO STDOUT` from Postgres on a connection of its own, closed afterwards.
 *
 * Why not the pool: postgres.js 3.4 pauses the socket when the COPY stream's reader applies
 * backpressure, and when CopyDone arrives in the same network chunk it never resumes it, so the
 * pooled connection's next query hangs (porsager/postgres #499, fix proposed in PR #1016). Owning
 * the socket lets us resume it after a complete COPY, and destroy it when the reader stops early
 * (a closed download), which also makes the server abandon the COPY instead of blocking on a full
 * socket.
 */
export async function* copyOutOwnConnection(url: string, copySql: string): AsyncGenerator<Uint8Array> {
  let socket: net.Socket | undefined;
  const { default: postgres } = await import('postgres');
  const own = postgres(url, {
    max: 1,
    onnotice: () => {},
    connection: { application_name: 'nap-tracker-export' },
    socket: (o: SocketOptions) =>
      new Promise<net.Socket>((resolve, reject) => {
        const s = o.path ? net.connect(o.path) : net.connect(o.port[0] ?? 5432, o.host[0] ?? 'localhost');
        socket = s;
        s.once('connect', () => resolve(s));
        s.once('error', reject);
      }),
  } as PostgresOptions<Record<string, never>>);
  let complete = false;
  try {
    yield* await own.unsafe(copySql).readable();
    complete = true;
  } finally {
    if (complete) {
      socket?.resume();
      await own.end({ timeout: 1 });
    } else {
      socket?.destroy();
      await own.end({ timeout: 0 }).catch(() => {});
    }
  }
}
