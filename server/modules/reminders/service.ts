import type { FastifyBaseLogger } from 'fastify';
import { isLocale } from '../../../shared';
import type { Db } from '../../db/client';
import { dayOf } from '../submissions/mapping';
import { rolesOf } from '../users/repository';
import { composeDigest } from './compose';
import { digestContent, itemCount } from './content';
import { digestI18n } from './i18n';
import type { Mailer } from './mailer';
import { type ClaimPolicy, claimDigest, digestCandidates, finishDigest, releaseDigest } from './repository';

export interface DigestDeps {
  /** The database itself, never a transaction: nothing is sent while a transaction is open. */
  db: Db;
  mailer: Mailer;
  /** The address users open, without a trailing slash: links are built on it. */
  publicUrl: string;
  /** Focal points hear of a period this many days before its due date. */
  daysBefore: number;
  log: FastifyBaseLogger;
  /** Tries per user and day before that day's digest is given up (default 5). */
  maxAttempts?: number;
  /** A claim older than this is taken as abandoned by a process that died mid-send (default 10 min). */
  claimTimeoutMs?: number;
  /** Stops the run between two users (shutdown). */
  signal?: AbortSignal;
}

export interface DigestRun {
  candidates: number;
  sent: number;
  /** Claimed, but nothing to say today. */
  empty: number;
  failed: number;
  /** Claimed by another process meanwhile. */
  skipped: number;
  /** Left for a later tick: the mail server was unreachable, or the process is stopping. */
  deferred: number;
}

/** nodemailer's codes for a failure of this one message; any other code means the server is unusable now. */
const MESSAGE_ERRORS = new Set(['EENVELOPE', 'EMESSAGE']);

const describe = (err: unknown) => (err instanceof Error ? err.message : String(err)).slice(0, 2000);

/**
 * Sends the day's digest to every user who has something to hear and has not had it today. Each
 * user's digest is claimed in the database before it is built and sent, so concurrent runs (timers
 * of several processes) send it once; a failure keeps its error and frees the claim for the next run.
 */
export async function runDailyDigest(deps: DigestDeps, now: Date): Promise<DigestRun> {
  const day = dayOf(now);
  const policy: ClaimPolicy = {
    maxAttempts: deps.maxAttempts ?? 5,
    staleBefore: new Date(now.getTime() - (deps.claimTimeoutMs ?? 10 * 60_000)),
  };
  const candidates = await digestCandidates(deps.db, day, policy);
  const roles = await rolesOf(
    deps.db,
    candidates.map((c) => c.id),
  );
  const run: DigestRun = {
    candidates: candidates.length,
    sent: 0,
    empty: 0,
    failed: 0,
    skipped: 0,
    deferred: 0,
  };
  for (const [index, r] of candidates.entries()) {
    if (deps.signal?.aborted) {
      run.deferred = candidates.length - index;
      break;
    }
    if (!(await claimDigest(deps.db, r.id, day, now, policy))) {
      run.skipped++;
      continue;
    }
    try {
      const content = await digestContent(deps.db, r, roles.get(r.id) ?? [], now, deps.daysBefore);
      const items = itemCount(content);
      if (items > 0) {
        const i18n = digestI18n(isLocale(r.locale) ? r.locale : 'en');
        const mail = composeDigest({
          i18n,
          content,
          name: r.displayName,
          publicUrl: deps.publicUrl,
          today: day,
          daysBefore: deps.daysBefore,
        });
        await deps.mailer.send({ to: r.email, lang: i18n.lang, ...mail });
      }
      await finishDigest(deps.db, r.id, day, now, items);
      if (items > 0) run.sent++;
      else run.empty++;
    } catch (err) {
      run.failed++;
      deps.log.warn({ err, userId: r.id, day }, 'daily digest: not sent; retried at a later run');
      try {
        await releaseDigest(deps.db, r.id, day, describe(err));
      } catch (releaseErr) {
        // The claim then expires on its own (claimTimeoutMs).
        deps.log.error({ err: releaseErr, userId: r.id, day }, 'daily digest: could not release the claim');
      }
      const code = (err as { code?: unknown }).code;
      if (typeof code !== 'string' || !MESSAGE_ERRORS.has(code)) {
        // The server (or the database) is down: the others wait for the next run, unclaimed.
        run.deferred = candidates.length - index - 1;
        break;
      }
    }
  }
  return run;
}
