import { sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Database } from '../db/client';

/** Latency buckets (seconds): cached reads take a few ms, reports and exports seconds. */
const PING_TIMEOUT_MS = 2000;
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/**
 * The route's pattern (`/api/countries/:iso3`), never the raw URL: one series per route, whatever
 * callers send. Files of the client and the single-page fallback count as one "static" route.
 */
function routeLabel(req: FastifyRequest): string {
  const url = req.routeOptions.url;
  if (url === undefined) return 'unmatched';
  return url.startsWith('/api') || url === '/metrics' ? url : 'static';
}

function poolMax(database: Database): number {
  if (database.kind === 'pglite') return 1;
  const client = (database.db as unknown as { $client?: { options?: { max?: number } } }).$client;
  return client?.options?.max ?? Number.NaN;
}

/**
 * GET /metrics in Prometheus' text format (off unless METRICS=true): requests and their latency per
 * route, method and status; the database (pool size, whether it answers and how fast, this
 * application's connections by state on a Postgres server); and Node's own (event-loop lag, heap,
 * GC, CPU). Each app has its own registry, so tests can build several apps in one process.
 */
export async function registerMetrics(app: FastifyInstance, database: Database) {
  // Loaded only when metrics are on: it costs start-up time otherwise spent for nothing.
  const { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } = await import('prom-client');
  const register = new Registry();
  collectDefaultMetrics({ register, eventLoopMonitoringPrecision: 20 });
  const labelNames = ['method', 'route', 'status_code'] as const;
  const requests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests answered',
    labelNames,
    registers: [register],
  });
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time from receiving a request to sending its answer',
    labelNames,
    buckets: BUCKETS,
    registers: [register],
  });
  new Gauge({
    name: 'nap_db_pool_max_connections',
    help: 'Connections this process may open to the database (PGlite: 1, in-process)',
    labelNames: ['driver'],
    registers: [register],
  }).set({ driver: database.kind }, poolMax(database));
  const up = new Gauge({
    name: 'nap_db_up',
    help: '1 when the database answered the last scrape',
    registers: [register],
  });
  const ping = new Gauge({
    name: 'nap_db_ping_seconds',
    help: 'Time a trivial query took at the last scrape (includes waiting for a free connection)',
    registers: [register],
  });
  const connections = new Gauge({
    name: 'nap_db_connections',
    help: "Postgres only: this application's connections to its database by state, all server processes",
    labelNames: ['state'],
    registers: [register],
    async collect() {
      this.reset();
      const t0 = performance.now();
      try {
        // A scrape must not hang on a database that does not answer (postgres.js waits 30 s to connect).
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error('timeout')), PING_TIMEOUT_MS);
        });
        await Promise.race([database.rows(sql`select 1`), timeout]).finally(() => clearTimeout(timer));
        ping.set((performance.now() - t0) / 1000);
        up.set(1);
      } catch {
        up.set(0);
        return;
      }
      if (database.kind !== 'postgres') return;
      const rows = await database.rows<{ state: string | null; n: number }>(sql`
        select state, count(*)::int as n from pg_stat_activity
        where datname = current_database() and application_name = 'nap-tracker' group by state`);
      for (const r of rows) this.set({ state: r.state ?? 'unknown' }, r.n);
    },
  });
  void connections;

  app.addHook('onResponse', async (req, reply) => {
    const labels = { method: req.method, route: routeLabel(req), status_code: String(reply.statusCode) };
    requests.inc(labels);
    duration.observe(labels, reply.elapsedTime / 1000);
  });
  app.get('/metrics', { schema: { hide: true } }, async (_req, reply) => {
    reply.header('content-type', register.contentType).header('cache-control', 'no-store');
    return register.metrics();
  });
  app.addHook('onClose', async () => register.clear());
}
