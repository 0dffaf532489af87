import type { FastifyBaseLogger } from 'fastify';
import type { DbOrTx } from '../../db/client';
import { deleteExpiredSessions } from './session-repository';
import { DEFAULT_THROTTLE, type ThrottlePolicy } from './throttle';
import { deleteStaleThrottleRows } from './throttle-repository';

/** How often each server process sweeps (expired sessions are refused on use anyway: this only frees rows). */
export const HOUSEKEEPING_EVERY_MS = 15 * 60_000;

export interface HousekeepingDeps {
  db: DbOrTx;
  now: () => Date;
  throttle?: ThrottlePolicy;
}

/**
 * Deletes expired sessions and stale login-throttle counters. Plain idempotent DELETEs keyed on the
 * clock: several processes may run it at the same time on one Postgres, and none keeps any state.
 */
export async function runAuthHousekeeping(deps: HousekeepingDeps) {
  const now = deps.now();
  const sessions = await deleteExpiredSessions(deps.db, now);
  const throttle = await deleteStaleThrottleRows(deps.db, deps.throttle ?? DEFAULT_THROTTLE, now);
  return { sessions, throttle };
}

/**
 * Runs the housekeeping now and then every `everyMs`, on a timer that does not keep the process
 * alive. A failed sweep (e.g. the database restarting) is logged and retried at the next tick.
 * Returns a function that stops the timer (graceful shutdown).
 */
export function startAuthHousekeeping(
  deps: HousekeepingDeps & { log: FastifyBaseLogger; everyMs?: number },
): () => void {
  let running = false;
  const sweep = async () => {
    if (running) return;
    running = true;
    try {
      const deleted = await runAuthHousekeeping(deps);
      if (deleted.sessions + deleted.throttle > 0) deps.log.info({ deleted }, 'auth housekeeping');
    } catch (err) {
      deps.log.warn({ err }, 'auth housekeeping failed; retrying at the next interval');
    } finally {
      running = false;
    }
  };
  void sweep();
  const timer = setInterval(() => void sweep(), deps.everyMs ?? HOUSEKEEPING_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
