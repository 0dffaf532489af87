import { appSettings, loadConfig, mailConfig } from './config';
import { openDatabase } from './db/client';
import { createLogger, isPretty } from './logging';
import type { DigestScheduler } from './modules/reminders/scheduler';

// Process entry: config → logger → db → migrate/load → app → listen → graceful shutdown.
//
// Start-up order: the database is opened first and not awaited, so that PGlite's WebAssembly
// compiles (on V8's background threads) and its files are read while this process loads the app's
// modules; then the app is built and the database migrated. Hence the dynamic imports below: a static
// import is evaluated before the first line of this file runs. /api/ready answers only after
// `listen`, which comes after both.
//
// One function rather than top-level await: the build bundles this file as CommonJS, which the
// built server's loader compiles with V8's code cache (scripts/server-loader.mjs).
/** Set when a signal starts the shutdown: what fails after it (a start cut short) is not an error. */
let closing = false;

async function main() {
  // Milliseconds since the process started (performance.now()'s origin) at which each step of the start
  // ended, logged when it serves: what a slow start spent its time on. `entry`: the server's modules
  // that this file imports statically were loaded and it began.
  const phases: Record<string, number> = {};
  const mark = (phase: string) => {
    phases[phase] = Math.round(performance.now());
  };
  mark('entry');
  // A timer that keeps the event loop alive until the server listens. While the start awaits only V8's
  // own work (PGlite's WebAssembly compiling), libuv has nothing to wait for and Node, finding the loop
  // empty, blocks until every background compilation has finished, PGlite's optimising tier-up included:
  // ~0.2 s of a restart spent with the main thread stopped (docs/benchmarks.md). Errors still end the process.
  const keepLoopAlive = setInterval(() => {}, 1000);
  const config = loadConfig();
  const log = await createLogger({ level: config.LOG_LEVEL, format: config.LOG_FORMAT });
  const opening = openDatabase({
    databaseUrl: config.DATABASE_URL,
    pgliteDataDir: config.PGLITE_DATA_DIR,
    log,
  });
  // Awaited below; a failure meanwhile must not count as unhandled before that.
  opening.catch(() => {});
  const mailSettings = mailConfig(config);
  const [
    { buildApp },
    { prepareDatabase },
    { limitsFromConfig },
    accounts,
    housekeeping,
    statistics,
    mailer,
  ] = await Promise.all([
    import('./app'),
    import('./db/bootstrap'),
    import('./plugins/limits'),
    import('./db/accounts'),
    import('./modules/auth/housekeeping'),
    import('./db/statistics'),
    // nodemailer loads only when SMTP is configured.
    mailSettings
      ? import('./modules/reminders/mailer').then((m) => m.createSmtpMailer(mailSettings))
      : Promise.resolve(null),
  ]);
  mark('modules');
  const database = await opening;
  mark('database');
  const app = await buildApp({
    ...appSettings(config),
    database,
    loggerInstance: log,
    limits: limitsFromConfig(config),
    mail: mailSettings && mailer ? { mailer, publicUrl: mailSettings.publicUrl } : undefined,
  });
  mark('app');
  // Stopped cleanly from here on (the connections finished, the database closed), also while the
  // database is prepared: a signal before these are set would end the process where it stands.
  let stopHousekeeping = () => {};
  let stopStatistics = () => {};
  let digests: DigestScheduler | null = null;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, async () => {
      if (closing) return;
      closing = true;
      app.log.info({ signal }, 'shutting down');
      try {
        stopHousekeeping();
        stopStatistics();
        await digests?.stop();
        mailer?.close();
        await app.close();
        await database.close();
        process.exit(0);
      } catch (err) {
        app.log.error({ err }, 'shutdown failed');
        process.exit(1);
      }
    });
  }
  // After the app is built, not alongside: a first start's reference load keeps PGlite (and so the event
  // loop) busy for seconds, longer than Fastify lets a plugin take to register.
  const { statisticsDeferred } = await prepareDatabase(database, {
    loadReferenceData: config.LOAD_REFERENCE_DATA,
    deferUnchangedStatistics: true,
    log,
    accounts: {
      // No default credentials on a real server: only the embedded database gets demo accounts.
      demo: database.kind === 'pglite',
      admin:
        config.ADMIN_EMAIL && config.ADMIN_PASSWORD
          ? { email: config.ADMIN_EMAIL, password: config.ADMIN_PASSWORD }
          : undefined,
    },
  });
  mark('prepared');
  await app.listen({ host: config.HOST, port: config.PORT });
  mark('listening');
  clearInterval(keepLoopAlive);
  // The built server's loader (scripts/server-loader.mjs) writes V8's code cache for the next start
  // when this one had none: a second after listening, once start-up's functions are compiled.
  const codeCache = (globalThis as { [key: symbol]: { status: string; save: () => void } | undefined })[
    Symbol.for('nap-tracker.codeCache')
  ];
  if (codeCache && codeCache.status !== 'used') setTimeout(codeCache.save, 1000).unref();
  // Expired sessions and stale sign-in throttle rows: swept now, then every 15 min (unref'd timer).
  stopHousekeeping = housekeeping.startAuthHousekeeping({
    db: database.db,
    now: () => new Date(),
    log: app.log,
  });
  // PGlite runs no autovacuum: its tables' planner statistics are checked every minute, by autovacuum's rule.
  // A start that wrote nothing left the first check to the server, a few seconds after it serves
  // (prepareDatabase says why).
  const firstCheckMs = statisticsDeferred ? statistics.DEFERRED_CHECK_MS : undefined;
  stopStatistics =
    database.kind === 'pglite'
      ? statistics.startStatisticsRefresh(database, app.log, { firstCheckMs })
      : statisticsDeferred
        ? statistics.checkStatisticsOnce(database, app.log)
        : () => {};
  // The daily e-mail digest, only when SMTP is configured (every process may run it: claims dedupe).
  if (mailSettings && mailer) {
    const { startDigestScheduler } = await import('./modules/reminders/scheduler');
    digests = startDigestScheduler({
      db: database.db,
      mailer,
      publicUrl: mailSettings.publicUrl,
      daysBefore: mailSettings.daysBefore,
      hourUtc: mailSettings.digestHourUtc,
      log: app.log,
    });
  }
  app.log.info(
    {
      database:
        database.kind === 'pglite' ? `PGlite at ${config.PGLITE_DATA_DIR}` : 'Postgres (DATABASE_URL)',
      mail: mailSettings ? `daily digest after ${mailSettings.digestHourUtc}:00 UTC` : 'off (SMTP_URL unset)',
      startupMs: Math.round(performance.now()),
      startupSteps: phases,
      // The built server only: whether its code was compiled from V8's code cache (used), or had none
      // it could use (none, stale, refused) and writes one for the next start.
      ...(codeCache ? { codeCache: codeCache.status } : {}),
    },
    `NAP Tracker is serving at http://${config.HOST}:${config.PORT}`,
  );
  const demo = database.kind === 'pglite' ? await accounts.demoAccountsPresent(database.db) : [];
  if (demo.length > 0) {
    // On a terminal a block to read and copy from; in JSON logs one line with the same facts.
    if (isPretty(config.LOG_FORMAT)) process.stdout.write(`\n${accounts.demoAccountsBlock(demo)}\n\n`);
    else app.log.info({ accounts: demo.map((a) => `${a.email} / ${a.password}`) }, 'demo accounts');
  }
}

main().catch((err: unknown) => {
  if (closing) return; // the signal's handler ends the process
  // What an unhandled rejection at the top level printed: the error and its stack, then exit 1.
  console.error(err);
  process.exit(1);
});
