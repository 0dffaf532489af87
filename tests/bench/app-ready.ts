// Start-up floor of the built server on Postgres with its app: modules-ready.ts's floor plus the app
// built as server/index.ts builds it (the same configuration: every route, plugin and schema registered)
// and Fastify listening; no database check (no migration check, no reference data, no accounts). What
// starting this app's code costs on an existing database before the server looks at the database
// (startup.ts builds it into dist/bench-floor-app and starts it as the server is started).
import { sql } from 'drizzle-orm';
import { appSettings, loadConfig } from '../../server/config';
import { openDatabase } from '../../server/db/client';
import { createLogger } from '../../server/logging';

async function main() {
  const config = loadConfig();
  const log = await createLogger({ level: config.LOG_LEVEL, format: config.LOG_FORMAT });
  const opening = openDatabase({ databaseUrl: config.DATABASE_URL, log });
  opening.catch(() => {});
  // What server/index.ts imports while starting (the same set as modules-ready.ts).
  const [{ buildApp }, , { limitsFromConfig }] = await Promise.all([
    import('../../server/app'),
    import('../../server/db/bootstrap'),
    import('../../server/plugins/limits'),
    import('../../server/db/accounts'),
    import('../../server/modules/auth/housekeeping'),
    import('../../server/db/statistics'),
  ]);
  const database = await opening;
  // One query, as the other floors run: the pool's connection made.
  await database.rows(sql`select 1`, database.db);
  const app = await buildApp({
    ...appSettings(config),
    database,
    loggerInstance: log,
    limits: limitsFromConfig(config),
  });
  await app.listen({ host: config.HOST, port: config.PORT });
  const codeCache = (globalThis as { [key: symbol]: { status: string; save: () => void } | undefined })[
    Symbol.for('nap-tracker.codeCache')
  ];
  if (codeCache && codeCache.status !== 'used') setTimeout(codeCache.save, 1000).unref();
  process.on('SIGTERM', () => {
    app
      .close()
      .then(() => database.close())
      .then(() => process.exit(0));
  });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
