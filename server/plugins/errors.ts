import { STATUS_CODES } from 'node:http';
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { ErrorEnvelope } from '../../shared';
import {
  type ErrorCode,
  errorCodeOfStatus,
  type IssueParams,
  issueFromZod,
  issuesSummary,
} from '../../shared/domain/issues';
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable, isPublishedReadOnly } from '../lib/db-errors';
import { AppError } from '../lib/errors';

const SOURCE_NAMES: Record<string, string> = {
  querystring: 'query',
  body: 'body',
  params: 'path',
  headers: 'header',
};

export function envelope(
  statusCode: number,
  message: string,
  requestId: string,
  issues?: ErrorEnvelope['issues'],
  code: ErrorCode = errorCodeOfStatus(statusCode),
  params?: IssueParams,
) {
  const body: ErrorEnvelope = {
    error: STATUS_CODES[statusCode] ?? 'Error',
    message,
    statusCode,
    requestId,
    code,
  };
  if (params && Object.keys(params).length > 0) body.params = params;
  if (issues && issues.length > 0) body.issues = issues;
  return body;
}

/**
 * One error envelope for every error: 4xx messages are shown (they name the field or the
 * resource); 5xx details are logged and never sent.
 */
export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (hasZodFastifySchemaValidationErrors(err)) {
      const source = SOURCE_NAMES[err.validationContext ?? ''] ?? err.validationContext ?? 'request';
      // The zod issue, rebuilt from what fastify-type-provider-zod keeps of it (code → keyword).
      const issues = err.validation.map((v) =>
        issueFromZod(
          {
            ...(v.params as object),
            code: v.keyword,
            path: v.instancePath.split('/').filter(Boolean),
            message: v.message ?? 'is invalid',
          },
          source,
        ),
      );
      return reply.code(400).send(envelope(400, issuesSummary(issues), req.id, issues));
    }
    if (err instanceof AppError) {
      if (err.statusCode >= 500) req.log.error({ err }, 'application error');
      if (err.headers) reply.headers(err.headers);
      const code = err.statusCode === 409 && err.message.startsWith('version:') ? 'stale' : err.code;
      const body = envelope(err.statusCode, err.message, req.id, err.issues, code, err.params);
      if (err.current !== undefined) body.current = err.current;
      return reply.code(err.statusCode).send(body);
    }
    if (isPublishedReadOnly(err)) {
      // The database's own guard (migration 0010): a write to published data got past the services.
      req.log.warn({ err }, 'write to published data refused by the database');
      return reply
        .code(403)
        .send(
          envelope(
            403,
            "framework: published data is read-only; only an administrator's re-import changes it",
            req.id,
            undefined,
            'read_only',
          ),
        );
    }
    if (isResponseSerializationError(err)) {
      req.log.error({ err, issues: err.cause.issues }, 'response does not match its schema');
      return reply.code(500).send(envelope(500, 'Internal server error', req.id));
    }
    if (isDatabaseUnavailable(err)) {
      // The database is restarting or unreachable: nothing was written (the transaction did not
      // commit), and the same request may succeed shortly.
      req.log.warn({ err }, 'database unavailable');
      reply.header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS));
      return reply
        .code(503)
        .send(envelope(503, 'The database is not available right now; try again shortly', req.id));
    }
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 600 ? err.statusCode : 500;
    if (status >= 500) {
      req.log.error({ err }, 'unhandled error');
      return reply.code(status).send(envelope(status, 'Internal server error', req.id));
    }
    // Fastify's own 4xx (malformed JSON, body too large, unsupported media type …) are safe to show.
    return reply.code(status).send(envelope(status, err.message, req.id));
  });

  app.setNotFoundHandler((req, reply) => {
    reply.code(404).send(envelope(404, `Route ${req.method} ${req.url.split('?')[0]} not found`, req.id));
  });
}
