import type { FastifyBaseLogger } from 'fastify';
import { type DigestDeps, type DigestRun, runDailyDigest } from './service';

/** How often each process looks whether the day's digest is due (claims make repeats harmless). */
export const DIGEST_CHECK_EVERY_MS = 5 * 60_000;

export interface DigestScheduler {
  /** Stops the timer and waits for a run in progress to stop (it stops between two users). */
  stop(): Promise<void>;
}

/**
 * Every few minutes, once the day's DIGEST_HOUR_UTC has passed, runs the digest. Every process of a
 * deployment may run this: each user's digest is claimed in the database, so it goes out once, and
 * a failed one is tried again at a later tick. Errors are logged, never thrown.
 */
export function startDigestScheduler(
  deps: Omit<DigestDeps, 'signal'> & {
    hourUtc: number;
    now?: () => Date;
    everyMs?: number;
    log: FastifyBaseLogger;
  },
): DigestScheduler {
  const now = deps.now ?? (() => new Date());
  const stopping = new AbortController();
  let running: Promise<void> | null = null;
  const tick = () => {
    if (running || stopping.signal.aborted) return;
    const at = now();
    if (at.getUTCHours() < deps.hourUtc) return;
    running = runDailyDigest({ ...deps, signal: stopping.signal }, at)
      .then((run: DigestRun) => {
        const busy = run.sent + run.failed + run.empty + run.deferred > 0;
        if (busy) deps.log.info({ digest: run }, 'daily digest');
      })
      .catch((err: unknown) => deps.log.warn({ err }, 'daily digest failed; retrying at the next check'))
      .finally(() => {
        running = null;
      });
  };
  // A first look soon after start (not at once: the start-up's own work goes first).
  const first = setTimeout(tick, 10_000);
  const timer = setInterval(tick, deps.everyMs ?? DIGEST_CHECK_EVERY_MS);
  first.unref();
  timer.unref();
  return {
    async stop() {
      stopping.abort();
      clearTimeout(first);
      clearInterval(timer);
      await running;
    },
  };
}
