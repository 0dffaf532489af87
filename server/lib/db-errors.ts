/**
 * Errors that mean "the database is not there right now" (restarting, failing over, refusing
 * connections), as opposed to a bug or bad data: the request may succeed if repeated shortly, so it
 * is answered 503 with Retry-After instead of 500.
 */

/** Seconds a client should wait before repeating a request refused while the database is away. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

// postgres.js raises these when its connection drops or cannot be made.
const DRIVER_CODES = new Set([
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
]);
// Node's socket errors on the way to the server.
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'ENOTFOUND',
]);
// SQLSTATEs (PostgreSQL appendix A): 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03
// cannot_connect_now (starting up or shutting down), 53300 too_many_connections; class 08 is
// "connection exception".
const SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);

function codeOf(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** The codes of err and of the errors it wraps (drizzle wraps the driver's as `cause`), outermost first. */
function* codesOf(err: unknown): Generator<string> {
  const seen = new Set<unknown>();
  let e: unknown = err;
  while (e && typeof e === 'object' && !seen.has(e)) {
    seen.add(e);
    const code = codeOf(e);
    if (code) yield code;
    e = (e as { cause?: unknown }).cause;
  }
}

/** True when err, or an error it wraps, says the database is away. */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (const code of codesOf(err)) {
    if (DRIVER_CODES.has(code) || SOCKET_CODES.has(code) || SQLSTATES.has(code)) return true;
    if (/^08[0-9A-Z]{3}$/.test(code)) return true;
  }
  return false;
}

/**
 * True when the database refused a write to published data (SQLSTATE NP001, raised by the trigger
 * nap_published_guard of migration 0010): a write that got past the services' own checks.
 */
export function isPublishedReadOnly(err: unknown): boolean {
  for (const code of codesOf(err)) if (code === 'NP001') return true;
  return false;
}
