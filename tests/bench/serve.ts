/**
 * The bench's server process: the real app (buildApp, as server/index.ts builds it, logger off) on a
 * Postgres database, and a bare Fastify JSON route in the same process as the HTTP floor. Both listen
 * on 127.0.0.1 with random ports, printed as one JSON line; SIGTERM closes them. The bench runs it
 * bundled as the server is built (serve-build.ts), with plain node.
 */
import Fastify from 'fastify';
import { buildApp } from '../../server/app';
import { openDatabase } from '../../server/db/client';

const url = process.env.BENCH_DB_URL;
if (!url) throw new Error('BENCH_DB_URL is required');
const database = await openDatabase({ databaseUrl: url });
const app = await buildApp({ database, clientDistDir: process.env.BENCH_CLIENT_DIR || undefined });
// The same app with the comparison cache off: every request computes its answer.
const uncached = await buildApp({ database, compareCacheEntries: 0 });
const bare = Fastify({ logger: false });
bare.get('/bare', async () => ({ hello: 'world' }));
await app.listen({ host: '127.0.0.1', port: 0 });
await uncached.listen({ host: '127.0.0.1', port: 0 });
await bare.listen({ host: '127.0.0.1', port: 0 });
const port = (a: typeof bare) => {
  const addr = a.server.address();
  return typeof addr === 'object' && addr ? addr.port : 0;
};
process.stdout.write(
  `${JSON.stringify({
    app: port(app as unknown as typeof bare),
    uncached: port(uncached as unknown as typeof bare),
    bare: port(bare),
  })}\n`,
);

process.on('SIGTERM', async () => {
  await app.close();
  await uncached.close();
  await bare.close();
  await database.close();
  process.exit(0);
});
