import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/client';
import { openTestApp } from '../setup/test-db';
import { makeUser, role, type Session, signIn, withCredential } from './support/auth';
import { arbitraryOf, hostile, type JsonSchema, type Mode } from './support/fuzz-arbitraries';

/**
 * Property: whatever the params, query and body of any operation of the OpenAPI document, sent by an
 * anonymous visitor, a focal point or an administrator, the server answers below 500. Valid-shaped
 * values (the schema's types, bounds and enums, known codes and small ids) are mixed with hostile
 * ones at every leaf. A bounded number of runs per operation keeps it within the suite's time.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 12);
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
// Renders of whole documents: a few runs reach every branch of their (small) query schemas.
const SLOW = /\/api\/(reports|exports)\//;

interface Operation {
  method: (typeof METHODS)[number];
  path: string;
  params: { name: string; in: string; schema: JsonSchema; required?: boolean }[];
  body?: JsonSchema;
}

let database: Database;
let app: FastifyInstance;
let close: () => Promise<void>;
let doc: { paths: Record<string, Record<string, unknown>>; components?: object };
const who: Record<'focal' | 'admin', { email: string; session: Session | null }> = {
  focal: { email: 'fuzz-focal@example.org', session: null },
  admin: { email: 'fuzz-admin@example.org', session: null },
};
let accounts = 0;

beforeAll(async () => {
  ({ app, database, close } = await openTestApp());
  doc = (await app.inject({ url: '/api/openapi.json' })).json();
});
afterAll(async () => close?.());

/** A live session for the role (a fuzzed request may sign it out, change its password or deactivate it). */
async function sessionOf(kind: 'focal' | 'admin'): Promise<Session> {
  const w = who[kind];
  if (w.session) {
    const me = await app.inject(withCredential({ session: w.session }, { url: '/api/auth/me' }));
    if (me.statusCode === 200) return w.session;
  }
  w.email = `fuzz-${kind}-${++accounts}@example.org`;
  await makeUser(database, w.email, [kind === 'admin' ? role('admin') : role('focal_point', 'JOR')]);
  w.session = await signIn(app, w.email);
  return w.session;
}

function operations(): Operation[] {
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method] as
        | {
            parameters?: Operation['params'];
            requestBody?: { content?: Record<string, { schema: JsonSchema }> };
          }
        | undefined;
      if (!op) continue;
      const body = op.requestBody?.content?.['application/json']?.schema;
      ops.push({ method, path, params: op.parameters ?? [], ...(body ? { body } : {}) });
    }
  }
  return ops;
}

function requestArbitrary(op: Operation) {
  const inMode = (mode: Mode) => {
    const field = (p: Operation['params'][number]) => arbitraryOf(p.schema ?? {}, doc, mode, p.name);
    const pathParams = op.params.filter((p) => p.in === 'path');
    const queryParams = op.params.filter((p) => p.in === 'query');
    return fc.record({
      as: fc.constantFrom('anonymous', 'focal', 'admin'),
      path: fc.record(Object.fromEntries(pathParams.map((p) => [p.name, field(p)]))),
      query: fc.record(Object.fromEntries(queryParams.map((p) => [p.name, field(p)])), {
        requiredKeys: queryParams.filter((p) => p.required).map((p) => p.name),
      }),
      body: op.body
        ? mode === 'hostile'
          ? fc.oneof({ arbitrary: arbitraryOf(op.body, doc, mode), weight: 4 }, hostile)
          : arbitraryOf(op.body, doc, mode)
        : fc.constant(undefined),
    });
  };
  return fc.oneof({ arbitrary: inMode('shaped'), weight: 2 }, { arbitrary: inMode('hostile'), weight: 1 });
}

const text = (v: unknown) => (typeof v === 'string' ? v : (JSON.stringify(v) ?? ''));

function urlOf(op: Operation, path: Record<string, unknown>, query: Record<string, unknown>) {
  const filled = op.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(text(path[name])));
  const qs = Object.entries(query)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(text(v))}`)
    .join('&');
  return qs ? `${filled}?${qs}` : filled;
}

describe('fuzzing every operation of the OpenAPI document', () => {
  it('finds operations to fuzz', () => {
    expect(operations().length).toBeGreaterThan(50);
  });

  it('answers every generated request below 500', async () => {
    const failures: string[] = [];
    const statuses = new Map<string, number>();
    for (const op of operations()) {
      await fc
        .assert(
          fc.asyncProperty(requestArbitrary(op), async (r) => {
            const session = r.as === 'anonymous' ? null : await sessionOf(r.as as 'focal' | 'admin');
            const url = urlOf(op, r.path, r.query);
            const res = await app.inject(
              withCredential(session ? { session } : null, {
                method: op.method.toUpperCase() as 'GET',
                url,
                ...(op.body && r.body !== undefined
                  ? { payload: JSON.stringify(r.body), headers: { 'content-type': 'application/json' } }
                  : {}),
              }),
            );
            const tally = `${op.method.toUpperCase()} ${op.path} ${res.statusCode}`;
            statuses.set(tally, (statuses.get(tally) ?? 0) + 1);
            if (res.statusCode >= 500) {
              failures.push(
                `${op.method.toUpperCase()} ${url} as ${r.as} ${text(r.body).slice(0, 300)} → ${res.statusCode}`,
              );
            }
            return res.statusCode < 500;
          }),
          { numRuns: SLOW.test(op.path) ? Math.min(RUNS, 4) : RUNS, endOnFailure: true, seed: seedOf(op) },
        )
        .catch(() => {});
    }
    if (process.env.FUZZ_REPORT) console.log([...statuses].map(([k, n]) => `${k} ×${n}`).join('\n'));
    expect(failures).toEqual([]);
  }, 600_000);
});

/** A fixed seed per operation (FUZZ_SEED changes them all): a failure reproduces on the next run. */
function seedOf(op: Operation) {
  let h = Number(process.env.FUZZ_SEED ?? 13);
  for (const c of `${op.method} ${op.path}`) h = (h * 31 + c.charCodeAt(0)) | 0;
  return h;
}
