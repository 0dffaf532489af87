/**
 * The bench's server process: the real app (buildApp, as server/index.ts builds it, logger off) on a
 * Postgres database, and a bare Fastify JSON route in the same process as the HTTP floor. Both listen
 * on 127.0.0.1 with random ports, printed as one JSON line; SIGTERM closes them. The bench runs it
 * bundled as the server is built (serve-build.ts), with plain node.
 *
 * The bare server also gives the floor of a computed endpoint: `PUT /floor/:name` stores the SQL one
 * request of that endpoint sends (as the bench captured it), `GET /floor/:name` sends those statements
 * one after another through the raw driver (a pool of the app's size) and answers the last one's rows
 * as JSON. No hooks, no validation, no answer built: the nearest an HTTP endpoint running that SQL and
 * sending what it returns can come.
 */
import Fastify from 'fastify';
import postgres from 'postgres';
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

interface FloorCase {
  statements: { query: string; params: unknown[] }[];
  /** As prepared statements (the raw replay's faster mode decides). */
  prepare: boolean;
}
// The app's default pool size (server/db/client.ts), as the raw replay of tests/bench/endpoints.ts.
const raw = postgres(url, {
  max: 10,
  onnotice: () => {},
  connection: { application_name: 'nap-bench-floor' },
});
const floors = new Map<string, FloorCase>();
bare.put<{ Params: { name: string }; Body: FloorCase }>('/floor/:name', async (req) => {
  floors.set(req.params.name, req.body);
  return { stored: req.body.statements.length };
});
bare.get<{ Params: { name: string } }>('/floor/:name', async (req) => {
  const floor = floors.get(req.params.name);
  if (!floor) throw new Error(`no floor named ${req.params.name}`);
  let rows: unknown = null;
  for (const s of floor.statements)
    rows = await raw.unsafe(s.query, s.params as never[], { prepare: floor.prepare });
  return rows;
});
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
  await raw.end();
  await database.close();
  process.exit(0);
});
