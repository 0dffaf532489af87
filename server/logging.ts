import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import pino, { type DestinationStream, type Logger, type LoggerOptions } from 'pino';

/**
 * What never reaches a log: credentials in headers and bodies, and the bound parameters of SQL
 * statements (a failed query's parameters can be password or token hashes). Fastify's request
 * serializer logs no headers or bodies, but a route that logs `req.headers` or a body stays safe.
 */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  'password',
  'token',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.passwordHash',
  '*.token',
  '*.tokenHash',
  '*.csrfToken',
  // drizzle's DrizzleQueryError keeps the statement's parameters; postgres.js errors may too, and a
  // constraint violation's detail quotes the row's values (`Key (token_hash)=(…) already exists`).
  'err.params',
  'err.parameters',
  'err.detail',
  'err.cause.params',
  'err.cause.parameters',
  'err.cause.detail',
];

const REDACTED = '[Redacted]';

/**
 * pino's error serializer, minus the parameters of a failed query: drizzle writes them into its
 * message and stack ("Failed query: …\nparams: …"), and Postgres quotes a value it could not take in
 * its own message (`invalid input syntax for type integer: "…"`). The statement is kept, the values
 * are not.
 */
export function serializeError(err: unknown) {
  const out = pino.stdSerializers.err(err as Error);
  const secrets: string[] = [];
  let e: unknown = err;
  for (let depth = 0; e instanceof Error && depth < 5; depth++, e = e.cause) {
    const q = e as Error & { query?: unknown; params?: unknown };
    if (typeof q.query === 'string' && Array.isArray(q.params)) {
      const safe = `Failed query: ${q.query}\nparams: ${REDACTED}`;
      if (typeof out.message === 'string') out.message = out.message.replace(q.message, () => safe);
      if (typeof out.stack === 'string') out.stack = out.stack.replace(q.message, () => safe);
      for (const p of q.params) if (typeof p === 'string' && p.length >= 4) secrets.push(p);
    }
  }
  for (const secret of secrets) {
    if (typeof out.message === 'string') out.message = out.message.replaceAll(secret, REDACTED);
    if (typeof out.stack === 'string') out.stack = out.stack.replaceAll(secret, REDACTED);
  }
  return out;
}

export type LogFormat = 'auto' | 'json' | 'pretty';

export interface LoggerSettings {
  level: LoggerOptions['level'];
  /** auto: readable lines on a terminal, JSON lines otherwise (a file, journald, a log shipper). */
  format?: LogFormat;
  /** Where lines go (tests capture them); stdout by default. */
  destination?: DestinationStream;
}

export function loggerOptions(level: LoggerOptions['level']): LoggerOptions {
  return {
    level,
    redact: { paths: REDACT_PATHS, censor: REDACTED },
    serializers: { err: serializeError, error: serializeError },
  };
}

/** Whether lines are written for a person (pretty) rather than for a log collector (JSON). */
export function isPretty(format: LogFormat = 'auto'): boolean {
  return format === 'pretty' || (format === 'auto' && process.stdout.isTTY === true);
}

/** The process's one logger: the server, the database opening and the start-up messages share it. */
export async function createLogger(s: LoggerSettings): Promise<Logger> {
  if (s.destination || !isPretty(s.format))
    return pino(loggerOptions(s.level), s.destination ?? pino.destination(1));
  // Only on a terminal: a synchronous stream in this thread (no worker), loaded only when used.
  const { default: prettyStream } = await import('pino-pretty');
  return pino(
    loggerOptions(s.level),
    prettyStream({
      colorize: true,
      translateTime: 'SYS:HH:MM:ss',
      // One line per event; a request reads "request completed GET /api/countries 200" (server/app.ts).
      singleLine: true,
      messageFormat:
        '{msg}{if req.method} {req.method} {req.url}{end}{if res.statusCode} {res.statusCode}{end}',
      ignore: 'pid,hostname,req,res',
      sync: true,
    }),
  );
}

/** A request id a client or a proxy may choose: short, and only characters safe in a header and a log. */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/**
 * Keeps a caller's x-request-id (a proxy's, to follow a request across services) when it is a short
 * safe token; anything else — too long, other characters, repeated headers — gets a fresh UUID,
 * since the id is echoed in a header and written to every log line of the request.
 */
export function requestId(req: IncomingMessage): string {
  const sent = req.headers['x-request-id'];
  return typeof sent === 'string' && SAFE_REQUEST_ID.test(sent) ? sent : randomUUID();
}
