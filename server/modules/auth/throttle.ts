import { and, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { loginThrottle } from '../../db/schema';

/**
 * Login throttling with exponential backoff, per account and per client address, kept in Postgres
 * so every server process sees the same counters. After `free` failures within `windowMs`, each
 * further failure locks the key for base · 2^(failures − free) ms, up to maxMs.
 */
export interface ThrottleRule {
  free: number;
  baseMs: number;
  maxMs: number;
  windowMs: number;
}

export interface ThrottlePolicy {
  account: ThrottleRule;
  address: ThrottleRule;
}

export const DEFAULT_THROTTLE: ThrottlePolicy = {
  account: { free: 5, baseMs: 2_000, maxMs: 15 * 60_000, windowMs: 15 * 60_000 },
  address: { free: 20, baseMs: 2_000, maxMs: 15 * 60_000, windowMs: 15 * 60_000 },
};

export const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`.slice(0, 300);
export const addressKey = (ip: string) => `ip:${ip}`.slice(0, 300);

/** Milliseconds until the first of these keys is unlocked; 0 when none is locked. */
export async function lockedFor(db: DbOrTx, keys: string[], now: Date): Promise<number> {
  const rows = await db
    .select({ lockedUntil: loginThrottle.lockedUntil })
    .from(loginThrottle)
    .where(inArray(loginThrottle.key, keys));
  let wait = 0;
  for (const r of rows) {
    if (r.lockedUntil) wait = Math.max(wait, r.lockedUntil.getTime() - now.getTime());
  }
  return wait;
}

/** Counts one failure atomically (one upsert: concurrent processes cannot lose a count). */
export async function recordFailure(db: DbOrTx, key: string, rule: ThrottleRule, now: Date): Promise<void> {
  // Timestamps go in as ISO text with an explicit cast: both drivers (postgres.js, PGlite) agree on it.
  const windowStart = sql`${new Date(now.getTime() - rule.windowMs).toISOString()}::timestamptz`;
  const at = sql`${now.toISOString()}::timestamptz`;
  const t = loginThrottle;
  const failures = sql`case when ${t.lastFailureAt} < ${windowStart} then 1 else ${t.failures} + 1 end`;
  // Power of two capped before it can overflow, then the delay capped at maxMs.
  const delayMs = sql`least(${rule.maxMs}::bigint, ${rule.baseMs}::bigint * power(2, least(30, greatest(0, (${failures}) - ${rule.free} - 1)))::bigint)`;
  await db
    .insert(t)
    .values({ key, failures: 1, firstFailureAt: now, lastFailureAt: now, lockedUntil: null })
    .onConflictDoUpdate({
      target: t.key,
      set: {
        failures,
        firstFailureAt: sql`case when ${t.lastFailureAt} < ${windowStart} then ${at} else ${t.firstFailureAt} end`,
        lastFailureAt: now,
        lockedUntil: sql`case when (${failures}) > ${rule.free} then ${at} + (${delayMs}) * interval '1 millisecond' else null end`,
      },
    });
}

export async function clearKey(db: DbOrTx, key: string): Promise<void> {
  await db.delete(loginThrottle).where(inArray(loginThrottle.key, [key]));
}

/**
 * Deletes the counters that no longer matter: no failure within the longest window of the policy
 * (the next failure would start the count again) and no lock still running. Answers how many.
 */
export async function deleteStaleThrottleRows(
  db: DbOrTx,
  policy: ThrottlePolicy,
  now: Date,
): Promise<number> {
  const windowMs = Math.max(policy.account.windowMs, policy.address.windowMs);
  const t = loginThrottle;
  const rows = await db
    .delete(t)
    .where(
      and(
        lt(t.lastFailureAt, new Date(now.getTime() - windowMs)),
        or(isNull(t.lockedUntil), lte(t.lockedUntil, now)),
      ),
    )
    .returning({ key: t.key });
  return rows.length;
}
