import { STATUS_CODES } from 'node:http';
import rateLimit, { normalizeIP } from '@fastify/rate-limit';
import underPressure from '@fastify/under-pressure';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import type { ErrorEnvelope } from '../../shared';
import type { Config } from '../config';
import { AppError } from '../lib/errors';
import { createWorkGate, type WorkGate } from '../lib/work-gate';

/**
 * Limits on expensive work: per-minute rate limits (per signed-in user, or per client address for
 * anonymous requests), bounded concurrency for report rendering and exports, and load shedding
 * while the event loop lags. Why these and why in memory: docs/decisions/rate-limits-and-load-shedding.md.
 */
export type LimitedWork = 'sign-in' | 'reports' | 'exports' | 'imports';

export interface Limits {
  /** Requests a minute per user or address, by kind of work; 0 = no limit. */
  perMinute: Record<LimitedWork, number>;
  /** Concurrency gates: reports (PDF/XLSX rendering) and data exports (held until the file is sent). */
  gates: { reports: WorkGate; exports: WorkGate };
  /** 503 while the mean event-loop delay exceeds this (ms); 0 = off. */
  maxEventLoopDelayMs: number;
  /** How often the event-loop delay is sampled (ms). */
  sampleIntervalMs: number;
  /** Retry-After of a 503 (busy or under pressure). */
  retryAfterSeconds: number;
}

/** The routes each limit covers (HEAD follows GET); start-up fails when one of them is gone. */
const LIMITED_ROUTES: Record<string, { work: LimitedWork; gate?: keyof Limits['gates'] }> = {
  'POST /api/auth/sign-in': { work: 'sign-in' },
  'POST /api/auth/forgot-password': { work: 'sign-in' },
  'GET /api/reports/country/:iso3': { work: 'reports', gate: 'reports' },
  'GET /api/reports/comparison': { work: 'reports', gate: 'reports' },
  'POST /api/briefing-sessions/:id/packs': { work: 'reports', gate: 'reports' },
  'GET /api/exports/values': { work: 'exports', gate: 'exports' },
  'GET /api/exports/adx': { work: 'exports', gate: 'exports' },
  'GET /api/periods/:periodId/template.xlsx': { work: 'exports' },
  'POST /api/periods/:periodId/import': { work: 'imports' },
  'POST /api/rounds/:code/import': { work: 'imports' },
};

export function limitsFromConfig(c: Config): Limits {
  return {
    perMinute: {
      'sign-in': c.RATE_LIMIT_SIGN_IN_PER_MINUTE,
      reports: c.RATE_LIMIT_REPORTS_PER_MINUTE,
      exports: c.RATE_LIMIT_EXPORTS_PER_MINUTE,
      imports: c.RATE_LIMIT_IMPORTS_PER_MINUTE,
    },
    gates: {
      reports: createWorkGate('reports', { concurrency: c.REPORT_CONCURRENCY, queue: c.REPORT_QUEUE }),
      exports: createWorkGate('exports', { concurrency: c.EXPORT_CONCURRENCY, queue: c.EXPORT_QUEUE }),
    },
    maxEventLoopDelayMs: c.MAX_EVENT_LOOP_DELAY_MS,
    sampleIntervalMs: 1000,
    retryAfterSeconds: c.BUSY_RETRY_AFTER_SECONDS,
  };
}

/** A 503 in the error envelope, sent directly: shedding load must not cost an error log per request. */
function sendBusy(req: FastifyRequest, reply: FastifyReply, message: string, retryAfter: number) {
  const body: ErrorEnvelope = {
    error: STATUS_CODES[503] ?? 'Service Unavailable',
    message: `${message}; try again in ${retryAfter} s`,
    statusCode: 503,
    requestId: req.id,
    code: 'unavailable',
    params: { retryAfter },
  };
  return reply.code(503).header('retry-after', String(retryAfter)).send(body);
}

/** The rate-limit key: the signed-in user (accounts are made by administrators), else the address. */
const keyOf = (req: FastifyRequest) =>
  req.principal ? `user:${req.principal.userId}` : `address:${normalizeIP(req.ip)}`;

const asArray = <T>(h: T | T[] | undefined): T[] => (h === undefined ? [] : Array.isArray(h) ? h : [h]);

/** Registers the limits; call before the auth plugin and the routes (see buildApp). */
export async function registerLimits(app: FastifyInstance, limits: Limits) {
  if (limits.maxEventLoopDelayMs > 0) {
    await app.register(underPressure, {
      maxEventLoopDelay: limits.maxEventLoopDelayMs,
      sampleInterval: limits.sampleIntervalMs,
      pressureHandler: (req, reply, _type, value) => {
        req.log.warn({ eventLoopDelayMs: value }, 'under pressure: request refused');
        sendBusy(req, reply, 'server: too busy right now', limits.retryAfterSeconds);
      },
    });
  }
  // No global limit: only the routes below, each kind of work with its own counters.
  await app.register(rateLimit, { global: false });
  const limiters = new Map<LimitedWork, ReturnType<FastifyInstance['createRateLimit']>>();
  for (const [work, max] of Object.entries(limits.perMinute) as [LimitedWork, number][])
    if (max > 0) limiters.set(work, app.createRateLimit({ max, timeWindow: 60_000, keyGenerator: keyOf }));

  const rateHook = (work: LimitedWork) => async (req: FastifyRequest, reply: FastifyReply) => {
    const limiter = limiters.get(work);
    if (!limiter) return;
    const r = await limiter(req);
    if (r.isAllowed) return;
    reply.header('x-ratelimit-limit', r.max);
    reply.header('x-ratelimit-remaining', r.remaining);
    reply.header('x-ratelimit-reset', r.ttlInSeconds);
    if (!r.isExceeded) return;
    const who = req.principal ? 'for this user' : 'from this address';
    const after = Math.max(1, r.ttlInSeconds);
    throw new AppError(
      429,
      `${work}: too many requests ${who} (at most ${r.max} a minute); try again in ${after} s`,
      { headers: { 'retry-after': String(after) } },
    );
  };

  // After authentication and validation (preHandler): refused or invalid requests take no place.
  const gateHook = (gate: WorkGate) => async (req: FastifyRequest, reply: FastifyReply) => {
    const ticket = gate.enter();
    if (!ticket) {
      req.log.warn({ gate: gate.name }, 'busy: request refused');
      return sendBusy(
        req,
        reply,
        `${gate.name}: the server is busy with other ${gate.name} (${gate.concurrency} at a time, ${gate.queue} waiting)`,
        limits.retryAfterSeconds,
      );
    }
    // Held until the response is closed: a streamed export keeps its slot until its last byte,
    // and a client that goes away while waiting gives its place back.
    reply.raw.once('close', ticket.leave);
    await ticket.ready;
  };

  const seen = new Set<string>();
  app.addHook('onRoute', (route: RouteOptions) => {
    for (const method of asArray(route.method)) {
      const key = `${method === 'HEAD' ? 'GET' : method} ${route.url}`;
      const entry = LIMITED_ROUTES[key];
      if (!entry) continue;
      seen.add(key);
      route.onRequest = [...asArray(route.onRequest), rateHook(entry.work)];
      if (entry.gate) route.preHandler = [...asArray(route.preHandler), gateHook(limits.gates[entry.gate])];
    }
  });
  app.addHook('onReady', async () => {
    const missing = Object.keys(LIMITED_ROUTES).filter((k) => !seen.has(k));
    if (missing.length > 0)
      throw new Error(`Limited routes not registered (server/plugins/limits.ts): ${missing.join(', ')}`);
  });
}
