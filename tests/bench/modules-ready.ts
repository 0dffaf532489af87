// Start-up floor of the built server on Postgres with its code: bundled and started as the server is
// (one CommonJS file that scripts/server-loader.mjs compiles with V8's code cache; startup.ts builds it
// into dist/bench-floor), it loads every module the server's entry loads (evaluated, nothing called),
// connects with postgres.js (DATABASE_URL), runs one query, and node's own http server answers
// /api/ready. No app built, no database check: what loading the server's code alone costs beside
// postgres-ready.mjs.
import { createServer } from 'node:http';
import postgres from 'postgres';

async function main() {
  // What server/index.ts imports, statically and while starting; the mailer and the digest scheduler
  // load only when SMTP is configured, which the bench's server is not.
  await Promise.all([
    import('../../server/config'),
    import('../../server/db/client'),
    import('../../server/logging'),
    import('../../server/db/reference/fingerprint'),
    import('../../server/app'),
    import('../../server/db/bootstrap'),
    import('../../server/plugins/limits'),
    import('../../server/db/accounts'),
    import('../../server/modules/auth/housekeeping'),
    import('../../server/db/statistics'),
  ]);
  const sql = postgres(process.env.DATABASE_URL ?? '', { max: 1, onnotice: () => {} });
  await sql`select 1`;
  const server = createServer((req, res) => {
    res.writeHead(req.url === '/api/ready' ? 200 : 404, { 'content-type': 'application/json' });
    res.end('{"status":"ready"}');
  });
  server.listen(Number(process.env.PORT), '127.0.0.1', () => {
    // As the server does: the loader's code cache written a second after listening (server/index.ts).
    const codeCache = (globalThis as { [key: symbol]: { status: string; save: () => void } | undefined })[
      Symbol.for('nap-tracker.codeCache')
    ];
    if (codeCache && codeCache.status !== 'used') setTimeout(codeCache.save, 1000).unref();
  });
  process.on('SIGTERM', () => {
    server.close();
    sql.end().then(() => process.exit(0));
  });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
