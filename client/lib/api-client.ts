import type { z } from 'zod';
import type { ErrorEnvelope } from '../../shared';
import {
  type AnswerOwner,
  CSRF_HEADER,
  PRINCIPAL_HEADER,
  parsePrincipalHeader,
} from '../../shared/api/headers';
import { errorCodeOfStatus } from '../../shared/domain/issues';
import { SCHEMA_HEADER, SCHEMA_VERSION } from '../../shared/schema-version';
import { codeLoading, onCodeLoaded } from './code-loading';
import { forgetEarly, takeEarly } from './early-requests';
import { markReachable, markServedOffline, setOfflineStatus } from './offline/status';

/**
 * The one fetch client of the app. Every answer is checked against the shared zod schema of its
 * endpoint, so a drifting server shows up as an error instead of a broken page: by the server, when
 * its answer carries this build's schema version (it shaped the answer with the very same schema),
 * else here. This module imports no zod itself (the first page's JS,
 * docs/decisions/lazy-response-schemas.md); a caller may pass its schema as a function that imports
 * it (SchemaSource), which runs only for an answer to check, and the error envelope's schema loads on
 * the first error.
 */

export const API_BASE = '/api';

/** An API failure, carrying the server's error envelope (or one built for network/format failures). */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly statusCode: number;
  readonly error: string;
  readonly requestId: string | null;
  readonly issues: ErrorEnvelope['issues'];
  /** Stable code of the failure (the server's, or network / bad_response made here), to translate. */
  readonly code: string;
  readonly params: ErrorEnvelope['params'];
  /** On a 409: the current state of what was being changed (check it with the endpoint's schema). */
  readonly current: unknown;

  constructor(envelope: Omit<ErrorEnvelope, 'requestId'> & { requestId?: string | null }) {
    super(envelope.message);
    this.statusCode = envelope.statusCode;
    this.error = envelope.error;
    this.requestId = envelope.requestId ?? null;
    this.issues = envelope.issues;
    this.code =
      envelope.code ?? (envelope.statusCode === 0 ? 'network' : errorCodeOfStatus(envelope.statusCode));
    this.params = envelope.params;
    this.current = envelope.current;
  }

  /** 4xx: asking again will not help. */
  get isClientError(): boolean {
    return this.statusCode >= 400 && this.statusCode < 500;
  }
}

export type QueryParams = Record<string, string | number | boolean | null | undefined>;

export function buildUrl(path: string, params: QueryParams = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    search.set(key, String(value));
  }
  const qs = search.toString();
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`;
}

async function readJson(res: Response): Promise<unknown> {
  try {
    return await res.json();
  } catch {
    return undefined;
  }
}

/**
 * The session's CSRF token (from sign-in or GET /api/auth/me), sent on every write: the session
 * cookie alone does not authorise a change.
 */
let csrfToken: string | null = null;
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}
export function currentCsrfToken(): string | null {
  return csrfToken;
}

/** The interface language, sent as Accept-Language so content and reports come back in it. */
let requestLanguage: string | null = null;
export function setRequestLanguage(locale: string | null) {
  requestLanguage = locale;
}

/** The headers of a read (a write adds its own): what the early script sends too. */
export function readHeaders(): Record<string, string> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (requestLanguage) headers['accept-language'] = requestLanguage;
  return headers;
}

/**
 * The response schema of an endpoint, or a function that imports it: the second form keeps zod and
 * the schema out of the first page's JS (docs/decisions/lazy-response-schemas.md); the import runs
 * while the server answers.
 */
export type SchemaSource<S extends z.ZodType> = S | (() => Promise<S>);

/** The schema of an empty answer (204), imported on first use. */
export const noContent = () => import('./no-content').then((m) => m.NoContentSchema);

export type WriteMethod = 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A write: JSON body, CSRF header; a 204 answers null. */
export function apiSend<S extends z.ZodType>(
  method: WriteMethod,
  path: string,
  schema: SchemaSource<S>,
  body?: unknown,
): Promise<z.infer<S>> {
  return request(path, schema, { method, body });
}

/**
 * A file upload: the form goes as multipart/form-data (the browser writes the boundary header),
 * with the CSRF header like every write.
 */
export function apiUpload<S extends z.ZodType>(
  path: string,
  schema: SchemaSource<S>,
  form: FormData,
): Promise<z.infer<S>> {
  return request(path, schema, { method: 'POST', body: form });
}

export function apiGet<S extends z.ZodType>(
  path: string,
  schema: SchemaSource<S>,
  options: { params?: QueryParams; signal?: AbortSignal } = {},
): Promise<z.infer<S>> {
  return request(buildUrlPath(path, options.params), schema, { signal: options.signal });
}

function buildUrlPath(path: string, params?: QueryParams) {
  return buildUrl(path, params).slice(API_BASE.length);
}

/** Where IndexedDB exists, reads are kept for working offline (offline/answers.ts decides which). */
const canKeep = () => typeof indexedDB !== 'undefined';

/**
 * Reads are kept once the page has loaded, its charts' code is in and the browser is idle, in the
 * order they came: the offline code (a chunk of its own) and IndexedDB's work then stay out of a
 * page's first render (on the country page they took ~16 ms of its main thread, and the chunk a
 * connection, while the answers were still arriving; on a slow link, bandwidth Chart.js needed). A
 * write drops the ones not kept yet, as it drops the early answers: signing out is a write, and
 * nothing read before it is kept after it.
 */
let keepQueue: (() => void)[] = [];
let keepScheduled = false;
/**
 * Writes sent so far. A read is kept only if no write was sent between its request and its keeping:
 * a read answered after signing out (asked for before) was answered to the person who left, and a
 * keep already under way when a write starts must not write after the sign-out has cleared the store.
 */
let writesSent = 0;

function keepLater(path: string, body: unknown, owner: AnswerOwner | null, writesBefore: number) {
  const current = () => writesSent === writesBefore;
  keepQueue.push(
    () => void import('./offline/answers').then((m) => m.keepAnswer(path, body, owner, new Date(), current)),
  );
  if (keepScheduled) return;
  keepScheduled = true;
  const flush = () => {
    keepScheduled = false;
    const queued = keepQueue;
    keepQueue = [];
    for (const keep of queued) keep();
  };
  const whenIdle = () => {
    // Not while a chart's code is still coming: the offline chunk would share the link with it.
    if (codeLoading()) {
      const stop = onCodeLoaded(() => {
        if (codeLoading()) return;
        stop();
        whenIdle();
      });
      return;
    }
    if (typeof requestIdleCallback === 'function') requestIdleCallback(flush, { timeout: 2000 });
    else setTimeout(flush, 0);
  };
  if (typeof document === 'undefined' || document.readyState === 'complete') whenIdle();
  else window.addEventListener('load', whenIdle, { once: true });
}

/**
 * Whether the server shaped this answer with the schemas this client was built with: its route's
 * response schema checked it on the way out, or (the cached comparisons, server/modules/compare/
 * response-cache.ts) the service built it from that schema's types, which tests check field by field.
 * server/app.ts (stampSchemaVersion) stamps them.
 */
function shapedByOurSchemas(res: Response): boolean {
  return SCHEMA_VERSION !== null && res.headers.get(SCHEMA_HEADER) === SCHEMA_VERSION;
}

async function request<S extends z.ZodType>(
  path: string,
  schema: SchemaSource<S>,
  options: { method?: WriteMethod; body?: unknown; signal?: AbortSignal | undefined },
): Promise<z.infer<S>> {
  // Loaded only for an answer to check: one this build's server shaped needs no zod at all.
  const loadSchema = () => ('safeParse' in schema ? Promise.resolve(schema) : schema());
  const headers = readHeaders();
  const writesBefore = writesSent;
  if (options.method) {
    if (csrfToken) headers[CSRF_HEADER] = csrfToken;
    if (options.body !== undefined && !(options.body instanceof FormData))
      headers['content-type'] = 'application/json';
  }
  const send = () =>
    fetch(`${API_BASE}${path}`, {
      method: options.method ?? 'GET',
      headers,
      body:
        options.body === undefined || options.body instanceof FormData
          ? options.body
          : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal,
    });
  let res: Response;
  try {
    // A read the page's early script already asked for (client/early.ts); if it failed or was refused
    // (e.g. before signing in), ask again.
    // Any write (signing in or out among them) may change what a read answers, or who asks: early
    // answers are only good before the first one.
    if (options.method) {
      writesSent++;
      forgetEarly();
      keepQueue = [];
    }
    const early = options.method ? undefined : takeEarly(`${API_BASE}${path}`);
    res = early ? await early.then((r) => (r.ok ? r : send()), send) : await send();
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    setOfflineStatus({ offline: true });
    // A read the browser kept for working offline answers instead, marked with when it was fetched.
    if (!options.method && canKeep()) {
      const kept = await import('./offline/answers').then((m) => m.keptAnswer(path));
      const parsed = kept ? (await loadSchema()).safeParse(kept.body) : null;
      if (kept && parsed?.success) {
        markServedOffline(kept.savedAt);
        return parsed.data;
      }
    }
    throw new ApiError({
      error: 'Network Error',
      message: 'Could not reach the NAP Tracker server. Check your connection and try again.',
      statusCode: 0,
    });
  }

  const body = res.status === 204 ? null : await readJson(res);
  const requestId = res.headers.get('x-request-id');

  if (!res.ok) {
    const envelope = await import('../../shared/api/common').then(
      (m) => m.ErrorEnvelopeSchema.safeParse(body),
      () => null, // the schema could not be loaded (offline): the generic error below
    );
    if (envelope?.success) throw new ApiError(envelope.data);
    throw new ApiError({
      error: res.statusText || 'Error',
      message: `The server answered ${res.status} ${res.statusText}`.trim(),
      statusCode: res.status,
      requestId,
    });
  }

  markReachable();
  const parsed = shapedByOurSchemas(res)
    ? { success: true as const, data: body as z.infer<S> }
    : (await loadSchema()).safeParse(body);
  if (parsed.success && !options.method && canKeep()) {
    const owner = parsePrincipalHeader(res.headers.get(PRINCIPAL_HEADER));
    keepLater(path, body, owner, writesBefore);
  }
  if (!parsed.success) {
    throw new ApiError({
      error: 'Invalid Response',
      message: `The server's answer to ${path} did not have the expected shape.`,
      statusCode: res.status,
      requestId,
      code: 'bad_response',
    });
  }
  return parsed.data;
}
