import { AsyncLocalStorage } from 'node:async_hooks';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Database, Db, DbOrTx } from '../db/client';
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from '../lib/db-errors';
import { envelope } from './errors';

/**
 * One transaction per API request that writes (docs/decisions/one-transaction-per-write-request.md):
 * it opens before the handler runs and commits only once the answer is known to be below 500, before
 * the answer is sent. A request answered 5xx (a bug, a response that fails its schema, a database
 * that went away) leaves nothing behind, and a commit that fails turns the answer into a 503/500
 * instead of a success for a write that did not happen.
 *
 * Services keep calling `ctx.db.transaction(…)`: inside a request it becomes a savepoint of the
 * request's transaction (a 4xx thrown there still undoes its part). Every query of the request goes
 * through the request's transaction: `db` below resolves to it while the request runs.
 */
interface Scope {
  tx: DbOrTx;
  /**
   * Set once the answer is decided. Until then every query of the request goes to its transaction,
   * even one that has died with its connection (the query then fails): never to the pool, where it
   * would commit on its own, outside the transaction that is being rolled back.
   */
  answered: boolean;
}

type Outcome = { committed: boolean; err?: unknown };

interface Pending {
  decide(commit: boolean): void;
  finished: Promise<Outcome>;
  scope: Scope | null;
}

const scopes = new AsyncLocalStorage<Scope>();
const pendingOf = new WeakMap<FastifyRequest, Pending>();
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

class Rollback extends Error {}

function currentTx(): DbOrTx | null {
  const s = scopes.getStore();
  return s && !s.answered ? s.tx : null;
}

/** The same database, whose `db` is the running request's transaction when there is one. */
export function requestScopedDatabase(database: Database): Database {
  const db = new Proxy(database.db, {
    get(target, prop) {
      const owner = (currentTx() ?? target) as Db;
      const value = Reflect.get(owner, prop, owner);
      return typeof value === 'function' ? value.bind(owner) : value;
    },
  });
  return { ...database, db, rows: (query, tx) => database.rows(query, tx ?? currentTx() ?? undefined) };
}

/** `database` is the unscoped one: the request's transaction is opened on it. */
export function registerRequestTransactions(app: FastifyInstance, database: Database) {
  app.addHook('preHandler', (req, _reply, done) => {
    if (!WRITES.has(req.method) || !req.routeOptions.config?.access) return done();
    let decide: (commit: boolean) => void = () => {};
    const decision = new Promise<boolean>((resolve) => {
      decide = resolve;
    });
    let started = false;
    const pending: Pending = { decide, finished: Promise.resolve({ committed: false }), scope: null };
    pending.finished = database.db
      .transaction(async (tx) => {
        started = true;
        const scope: Scope = { tx, answered: false };
        pending.scope = scope;
        // The handler, the serializer and the onSend hooks run from here, inside this scope.
        scopes.run(scope, done);
        if (!(await decision)) throw new Rollback();
      })
      .then(
        (): Outcome => ({ committed: true }),
        (err: unknown): Outcome => ({ committed: false, err }),
      );
    pendingOf.set(req, pending);
    // The transaction could not even start (the database is away): answer through the error handler.
    void pending.finished.then((r) => {
      if (!started) {
        pendingOf.delete(req);
        done(r.err as Error);
      }
    });
  });

  // onSend and onResponse run for every request: callback hooks, so that a read (no transaction)
  // pays no promise for them.
  app.addHook('onSend', (req, reply, payload, done) => {
    const pending = pendingOf.get(req);
    if (!pending) return done(null, payload);
    pendingOf.delete(req);
    const commit = reply.statusCode < 500;
    pending.decide(commit);
    pending.finished.then((outcome) => {
      if (pending.scope) pending.scope.answered = true;
      done(null, !commit || outcome.committed ? payload : commitFailed(req, reply, outcome.err));
    }, done);
  });

  // An answer that never went through onSend (the client went away): nothing may stay open.
  app.addHook('onResponse', (req, _reply, done) => {
    const pending = pendingOf.get(req);
    if (!pending) return done();
    pendingOf.delete(req);
    pending.decide(false);
    pending.finished.then(() => {
      if (pending.scope) pending.scope.answered = true;
      done();
    }, done);
  });
}

function commitFailed(req: FastifyRequest, reply: FastifyReply, err: unknown) {
  const unavailable = isDatabaseUnavailable(err);
  req.log[unavailable ? 'warn' : 'error']({ err }, 'the request’s transaction did not commit');
  const status = unavailable ? 503 : 500;
  reply.code(status).type('application/json; charset=utf-8');
  if (unavailable) reply.header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS));
  const message = unavailable
    ? 'The database is not available right now; try again shortly'
    : 'Internal server error';
  return JSON.stringify(envelope(status, message, req.id));
}
