import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerOptions,
  LogController,
  type onSendHookHandler,
} from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import { SCHEMA_HEADER, SCHEMA_VERSION } from '../shared/schema-version';
import type { Database } from './db/client';
import { responseSerializerCompiler } from './lib/response-serializer';
import { requestId } from './logging';
import { forgotPasswordRoutes } from './modules/auth/forgot-password-routes';
import { verifyPassword } from './modules/auth/password';
import { authRoutes } from './modules/auth/routes';
import { DEFAULT_THROTTLE, type ThrottlePolicy } from './modules/auth/throttle';
import { briefingRoutes } from './modules/briefings/routes';
import { compareRoutes } from './modules/compare/routes';
import { sharedIndicatorRoutes } from './modules/compare/shared-indicator-routes';
import { countryRoutes } from './modules/countries/routes';
import { exportRoutes } from './modules/exports/routes';
import { frameworkRoutes } from './modules/frameworks/routes';
import { globalTargetRoutes } from './modules/global-targets/routes';
import { i18nRoutes } from './modules/i18n/routes';
import { createMeProfileReader, type MeProfileReader } from './modules/me-profiles/reader';
import { meProfileRoutes } from './modules/me-profiles/routes';
import { peerGroupRoutes } from './modules/peer-groups/routes';
import { periodSheetRoutes } from './modules/period-sheets/routes';
import { planRoutes } from './modules/plans/routes';
import type { Mailer } from './modules/reminders/mailer';
import { reminderRoutes } from './modules/reminders/routes';
import { reportRoutes } from './modules/reports/routes';
import { roundRoutes } from './modules/rounds/routes';
import { submissionRoutes } from './modules/submissions/routes';
import { systemRoutes } from './modules/system/routes';
import { userRoutes } from './modules/users/routes';
import { valueRoutes } from './modules/values/routes';
import { registerAuth, withAccess } from './plugins/auth';
import { registerCompression } from './plugins/compression';
import { registerErrorHandling } from './plugins/errors';
import { registerInputGuard } from './plugins/input-guard';
import { type Limits, registerLimits } from './plugins/limits';
import { registerMetrics } from './plugins/metrics';
import { registerOpenApi } from './plugins/openapi';
import { registerRequestTransactions, requestScopedDatabase } from './plugins/request-transaction';
import { registerSecurityHeaders } from './plugins/security';
import { isAssetUrl, registerClient } from './plugins/static';
import { refuseUploads, withUploads } from './plugins/uploads';

export interface AppDeps {
  database: Database;
  /** Folder of the built client; omitted in API-only tests. */
  clientDistDir?: string;
  /** Serve the client's source maps (config SERVE_SOURCE_MAPS); default false. */
  serveSourceMaps?: boolean;
  logger?: FastifyServerOptions['logger'];
  /** The process's logger (server/logging.ts), used instead of `logger` when given. */
  loggerInstance?: FastifyBaseLogger;
  /** Expose GET /metrics in Prometheus format (config METRICS); default false. */
  metrics?: boolean;
  /** Anonymous visitors may read approved data (config PUBLIC_READ); default true. */
  publicRead?: boolean;
  /** Who submitted a period may not approve it (config APPROVAL_FOUR_EYES); default true. */
  fourEyes?: boolean;
  /** Trust X-Forwarded-* from a reverse proxy (config TRUST_PROXY); default false. */
  trustProxy?: boolean;
  /** Session lifetimes; defaults 30 min idle, 12 h absolute. */
  session?: { idleMs: number; absoluteMs: number };
  throttle?: ThrottlePolicy;
  /** Password verification; default argon2 (verifyPassword). Tests wrap it to count the verifications. */
  verifyPassword?: (passwordHash: string, password: string) => Promise<boolean>;
  /** The clock (tests move it to expire sessions). */
  now?: () => Date;
  /**
   * Rate limits, concurrency gates and load shedding (server/plugins/limits.ts; index.ts passes
   * the configured ones). Omitted: none, for tests that are not about them.
   */
  limits?: Limits;
  /** What briefing packs read of M&E profiles; default the profiles module's reader (tests pass a fixed one). */
  meProfileReader?: MeProfileReader;
  /**
   * E-mail (config SMTP_URL, MAIL_FROM, PUBLIC_URL): the mailer and the address links point to.
   * Omitted: the server sends no e-mail (GET /api/config says so; pages hide what needs it).
   */
  mail?: { mailer: Mailer; publicUrl: string };
  /** Comparison answers cached per process, checked against the data version (default 256; 0 = off). */
  compareCacheEntries?: number;
}

/**
 * The access log: one line per answered request at info — method, URL, status, time in ms and the
 * request id — that reads on its own, where Fastify wrote an "incoming request" line and a "request
 * completed" line without the URL (half the logging work of a request). The incoming line is kept
 * at debug, for a request that never completes.
 */
class AccessLog extends LogController {
  override incomingRequest(request: FastifyRequest) {
    request.log.debug({ req: request }, 'incoming request');
  }

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply) {
    const line = { req: request, res: reply, responseTime: reply.elapsedTime };
    if (error) reply.log.error({ ...line, err: error }, 'request errored');
    else reply.log.info(line, 'request completed');
  }
}

/**
 * Every answer a route's response schema shaped (a 2xx the route declares one for) carries the version
 * of the schemas the server was built with: a client built from the same ones takes the answer without
 * checking it again (shared/schema-version.ts, docs/decisions/lazy-response-schemas.md). A hook on
 * those routes only; none where the server runs from its sources (no version), nor on the probes no
 * page reads (`config.schemaVersion: false`: /api/health, /api/ready, asked for by balancers many times a
 * minute, whose fixed cost the bench measures).
 */
function stampSchemaVersion(app: FastifyInstance) {
  const version = SCHEMA_VERSION;
  if (!version) return;
  app.addHook('onRoute', (route) => {
    if (route.config?.schemaVersion === false) return;
    const response = route.schema?.response as Record<string, unknown> | undefined;
    const shaped = new Set(
      Object.keys(response ?? {})
        .map(Number)
        .filter((code) => code >= 200 && code < 300),
    );
    if (shaped.size === 0) return;
    const stamp: onSendHookHandler = (_req, reply, payload, done) => {
      if (shaped.has(reply.statusCode)) reply.header(SCHEMA_HEADER, version);
      done(null, payload);
    };
    route.onSend = route.onSend ? [...[route.onSend].flat(), stamp] : [stamp];
  });
}

/** Builds the app with its dependencies; never listens (index.ts does, tests inject). */
export async function buildApp(deps: AppDeps) {
  // Every module reads and writes through this one: inside a write request, it is that request's transaction.
  const database = requestScopedDatabase(deps.database);
  const app = Fastify({
    ...(deps.loggerInstance ? { loggerInstance: deps.loggerInstance } : { logger: deps.logger ?? false }),
    bodyLimit: 1024 * 1024,
    // A caller's x-request-id is kept only when short and safe (server/logging.ts).
    requestIdHeader: false,
    genReqId: requestId,
    routerOptions: { maxParamLength: 200 },
    // Every route validates and serializes with zod: Fastify then never loads ajv and
    // fast-json-stringify, its default compilers (~0.1 s of every start).
    // (The factories' types are ajv's; the compilers they return are the zod ones set below.)
    schemaController: {
      compilersFactory: {
        buildValidator: (() => validatorCompiler) as never,
        buildSerializer: (() => responseSerializerCompiler) as never,
      },
    },
    trustProxy: deps.trustProxy ?? false,
    logController: new AccessLog(),
  });
  const auth = {
    db: database.db,
    now: deps.now ?? (() => new Date()),
    policy: { publicRead: deps.publicRead ?? true, fourEyes: deps.fourEyes ?? true },
    session: deps.session ?? { idleMs: 30 * 60_000, absoluteMs: 12 * 3_600_000 },
    throttle: deps.throttle ?? DEFAULT_THROTTLE,
    verifyPassword: deps.verifyPassword ?? verifyPassword,
  };
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializerCompiler);
  stampSchemaVersion(app);
  registerErrorHandling(app);
  registerInputGuard(app);
  registerRequestTransactions(app, deps.database);
  if (deps.metrics) await registerMetrics(app, deps.database);
  // In onSend, so that answers Fastify gives before routing (a malformed URL) carry it too. Not a
  // built file that was found: nobody follows those in the logs, and a page loads dozens of them.
  app.addHook('onSend', (req, reply, payload, done) => {
    if (reply.statusCode >= 400 || !isAssetUrl(req.url)) reply.header('x-request-id', req.id);
    done(null, payload);
  });
  // After the request transaction's onSend, which may replace the answer (a commit that failed).
  registerCompression(app);
  registerSecurityHeaders(app);
  // Before auth: a request refused for load costs no session lookup.
  if (deps.limits) await registerLimits(app, deps.limits);
  await registerAuth(app, auth);
  await registerOpenApi(app);
  refuseUploads(app);
  await app.register(systemRoutes(database, { mail: deps.mail !== undefined }));
  await app.register(countryRoutes(database));
  await app.register(globalTargetRoutes(database));
  await app.register(frameworkRoutes(database));
  await app.register(valueRoutes(auth));
  await app.register(planRoutes(auth));
  await app.register(submissionRoutes(auth));
  await app.register(withUploads(periodSheetRoutes(auth)));
  await app.register(exportRoutes(auth, database));
  await app.register(reportRoutes(auth));
  // Comparisons show many countries at once: when data is not public, only roles that read every country.
  await app.register(withAccess('read-all', compareRoutes(auth, database, deps.compareCacheEntries)));
  await app.register(sharedIndicatorRoutes(auth));
  await app.register(peerGroupRoutes(auth));
  await app.register(meProfileRoutes(auth));
  // The request-scoped database: a pack's reads run inside the POST's own transaction.
  await app.register(briefingRoutes(auth, deps.meProfileReader ?? createMeProfileReader(database, auth.now)));
  await app.register(withUploads(roundRoutes(database, auth.now)));
  await app.register(authRoutes(auth));
  await app.register(userRoutes(auth));
  await app.register(i18nRoutes(auth));
  await app.register(reminderRoutes(auth));
  await app.register(
    forgotPasswordRoutes(
      auth,
      // The unscoped database: the link is made after the request's transaction has ended.
      deps.mail ? { db: deps.database.db, ...deps.mail, log: app.log } : null,
    ),
  );
  if (deps.clientDistDir) {
    await registerClient(app, deps.clientDistDir, { sourceMaps: deps.serveSourceMaps ?? false });
  }
  return app;
}
