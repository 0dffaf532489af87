import type { FastifyInstance } from 'fastify';
import { type Issue, invalidInput } from '../lib/errors';

/**
 * Strings PostgreSQL cannot store: text and jsonb refuse the NUL character ("invalid byte sequence
 * for encoding UTF8: 0x00"), and a lone UTF-16 surrogate (JSON allows "\ud800") would be stored
 * silently changed into U+FFFD. One check after validation, over everything a route received,
 * instead of a rule on every string field of every schema.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function problemOf(s: string): string | null {
  if (s.includes('\u0000')) return 'must not contain the NUL character';
  if (LONE_SURROGATE.test(s)) return 'must be valid Unicode (it contains a lone surrogate)';
  return null;
}

const MAX_DEPTH = 32;

/** Parsed JSON and query strings only: not a file part, a stream or a Buffer of an upload. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function collect(value: unknown, path: string, issues: Issue[], depth = 0) {
  if (issues.length >= 10 || depth > MAX_DEPTH) return;
  if (typeof value === 'string') {
    const problem = problemOf(value);
    if (problem) issues.push({ path, message: problem, code: 'invalid_format', params: { format: 'text' } });
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => {
      collect(v, `${path}.${i}`, issues, depth + 1);
    });
  } else if (isPlainObject(value)) {
    for (const [k, v] of Object.entries(value)) {
      const keyProblem = problemOf(k);
      if (keyProblem)
        issues.push({
          path,
          message: `a key ${keyProblem}`,
          code: 'invalid_format',
          params: { format: 'text' },
        });
      collect(v, `${path}.${k}`, issues, depth + 1);
    }
  }
}

export function registerInputGuard(app: FastifyInstance) {
  // preHandler: after the route's schema has validated and transformed params, query and body. A
  // callback hook: it runs on every request and has nothing to wait for.
  app.addHook('preHandler', (req, _reply, done) => {
    const issues: Issue[] = [];
    collect(req.params, 'path', issues);
    collect(req.query, 'query', issues);
    collect(req.body, 'body', issues);
    if (issues.length > 0) return done(invalidInput(issues));
    done();
  });
}
