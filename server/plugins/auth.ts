import cookie from '@fastify/cookie';
import type {
  FastifyInstance,
  FastifyPluginAsync,
  FastifyReply,
  FastifyRequest,
  onRequestHookHandler,
  RouteOptions,
} from 'fastify';
import { CSRF_HEADER } from '../../shared';
import { PRINCIPAL_HEADER, principalHeaderValue } from '../../shared/api/headers';
import { GLOBAL_ROLES } from '../../shared/constants/role';
import { AppError } from '../lib/errors';
import {
  type Access,
  forbidden,
  hasRole,
  type Principal,
  readsEveryCountry,
  unauthenticated,
} from '../modules/auth/permissions';
import { principalFromSession, principalFromToken } from '../modules/auth/resolve';
import { safeEqual } from '../modules/auth/secrets';
import type { ServiceContext } from '../service-context';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is asking: null when anonymous. Set before validation, for every route that declares access. */
    principal: Principal | null;
  }
  interface FastifyContextConfig {
    /** What the route needs; every /api route must declare it (checked when the app is ready). */
    access?: Access;
    /** false: answers carry no schema version (server/app.ts, stampSchemaVersion). */
    schemaVersion?: false;
  }
}

export const SESSION_COOKIE = 'nap_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function setSessionCookie(req: FastifyRequest, reply: FastifyReply, token: string, maxAge: number) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    // req.protocol honours X-Forwarded-Proto only when TRUST_PROXY is on.
    secure: req.protocol === 'https',
    maxAge,
  });
}

export function clearSessionCookie(req: FastifyRequest, reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: req.protocol === 'https',
  });
}

function hostOf(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null; // "null" (sandboxed frames) or garbage: never same-origin
  }
}

/** Registers routes of a plugin that cannot declare access itself (e.g. another team's module) with a default. */
export function withAccess(access: Access, plugin: FastifyPluginAsync): FastifyPluginAsync {
  return async (scope) => {
    scope.addHook('onRoute', (route) => {
      route.config = { ...route.config, access: route.config?.access ?? access };
    });
    await scope.register(plugin);
  };
}

function checkAccess(
  ctx: ServiceContext,
  access: Access,
  p: Principal | null,
  sessionError: AppError | null,
) {
  const needSignIn = () => sessionError ?? unauthenticated();
  switch (access) {
    case 'public':
      return;
    case 'read':
      if (!ctx.policy.publicRead && !p) throw needSignIn();
      return;
    case 'read-all':
      if (ctx.policy.publicRead) return;
      if (!p) throw needSignIn();
      if (!readsEveryCountry(p))
        throw forbidden('role: only administrators and facilitators read every country');
      return;
    case 'user':
      if (!p) throw needSignIn();
      return;
    case 'session':
      if (!p) throw needSignIn();
      if (p.via !== 'session') throw forbidden('token: credentials are managed from a signed-in session');
      return;
    case 'write':
      if (!p) throw needSignIn();
      if (p.scope !== 'write') throw forbidden('token: this token is read-only');
      return;
    case 'admin':
      if (!p) throw needSignIn();
      if (!hasRole(p, 'admin')) throw forbidden('role: administrators only');
      return;
    case 'admin-session':
      if (!p) throw needSignIn();
      if (p.via !== 'session') throw forbidden('token: credentials are managed from a signed-in session');
      if (!hasRole(p, 'admin')) throw forbidden('role: administrators only');
      return;
  }
}

/**
 * Resolves the principal of every request (API token in `Authorization: Bearer`, or the session
 * cookie), enforces what the route declares, and protects cookie-authenticated writes against CSRF
 * (the per-session token in the x-csrf-token header, and a same-origin Origin when sent).
 */
export async function registerAuth(app: FastifyInstance, ctx: ServiceContext) {
  await app.register(cookie);
  app.decorateRequest('principal', null);

  const declared: RouteOptions[] = [];
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/') && !route.schema?.hide && !route.url.startsWith('/api/docs')) {
      declared.push(route);
    }
  });
  app.addHook('onReady', async () => {
    const missing = declared.filter((r) => !r.config?.access).map((r) => `${r.method} ${r.url}`);
    if (missing.length > 0) {
      throw new Error(
        `Routes without config.access (see server/modules/auth/permissions.ts): ${missing.join(', ')}`,
      );
    }
  });

  // Each route gets its own hook (route-level, first of its onRequest hooks: the rate limits key on
  // the principal). The route's access is read when a request comes, since withAccess() sets it in
  // an onRoute hook that runs after this one; routes without one (client files) skip it.
  app.addHook('onRoute', (route) => {
    const authenticate: onRequestHookHandler = (req, reply, done) => {
      const access = route.config?.access;
      if (!access) return done();
      const authorization = req.headers.authorization;
      const cookie = authorization === undefined ? req.cookies[SESSION_COOKIE] : undefined;
      if (authorization === undefined && !cookie) {
        // Anonymous: no look-up, and no promise for what is decided at once.
        try {
          authorize(ctx, req, access, null, null);
        } catch (err) {
          return done(err as Error);
        }
        return done();
      }
      resolveAndAuthorize(ctx, req, reply, access, authorization, cookie).then(() => done(), done);
    };
    route.onRequest = [authenticate, ...asArray(route.onRequest)];
  });
}

const asArray = <T>(h: T | T[] | undefined): T[] => (h === undefined ? [] : Array.isArray(h) ? h : [h]);

/** The principal of an API token or a session cookie, then what the route allows it. */
async function resolveAndAuthorize(
  ctx: ServiceContext,
  req: FastifyRequest,
  reply: FastifyReply,
  access: Access,
  authorization: string | undefined,
  cookie: string | undefined,
) {
  let principal: Principal | null = null;
  let sessionError: AppError | null = null;
  if (authorization !== undefined) {
    const m = /^Bearer\s+([A-Za-z0-9_-]{10,200})$/.exec(authorization);
    if (!m?.[1]) throw new AppError(401, 'authorization: expected "Bearer <API token>"');
    principal = await principalFromToken(ctx, m[1]);
  } else if (cookie) {
    try {
      principal = await principalFromSession(ctx, cookie.slice(0, 200));
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      sessionError = err;
      clearSessionCookie(req, reply);
    }
  }
  req.principal = principal;
  if (principal?.via === 'session') {
    const allCountries = principal.roles.some((r) => GLOBAL_ROLES.includes(r.role));
    reply.header(PRINCIPAL_HEADER, principalHeaderValue({ userId: principal.userId, allCountries }));
  }
  authorize(ctx, req, access, principal, sessionError);
}

/** What the route declares, for this principal; and CSRF for cookie-authenticated writes. */
function authorize(
  ctx: ServiceContext,
  req: FastifyRequest,
  access: Access,
  principal: Principal | null,
  sessionError: AppError | null,
) {
  checkAccess(ctx, access, principal, sessionError);
  if (principal && principal.scope !== 'write' && !SAFE_METHODS.has(req.method) && access !== 'public') {
    throw forbidden('token: this token is read-only');
  }
  if (principal?.via === 'session' && !SAFE_METHODS.has(req.method) && access !== 'public') {
    const origin = req.headers.origin;
    if (origin !== undefined && hostOf(origin) !== req.headers.host) {
      throw forbidden('origin: cross-site request refused');
    }
    const sent = req.headers[CSRF_HEADER];
    if (typeof sent !== 'string' || !principal.csrfToken || !safeEqual(sent, principal.csrfToken)) {
      throw forbidden(`csrf: missing or wrong ${CSRF_HEADER} header (GET /api/auth/me gives the token)`);
    }
  }
}
