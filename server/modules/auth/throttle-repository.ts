import { and, eq, gt, inArray, isNull, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { loginThrottle } from '../../db/schema';
import type { ThrottlePolicy, ThrottleRule } from './throttle';

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

// Timestamps go in as ISO text with an explicit cast: both drivers (postgres.js, PGlite) agree on it.
const ts = (d: Date) => sql`${d.toISOString()}::timestamptz`;

/** The lock an attempt count gives: none up to `free`, then base · 2^(count − free − 1), capped. */
function lockAfter(count: SQL, rule: ThrottleRule, at: SQL) {
  // Power of two capped before it can overflow, then the delay capped at maxMs.
  const delayMs = sql`least(${rule.maxMs}::bigint, ${rule.baseMs}::bigint * power(2, least(30, greatest(0, (${count}) - ${rule.free} - 1)))::bigint)`;
  return sql`case when (${count}) > ${rule.free} then ${at} + (${delayMs}) * interval '1 millisecond' else null end`;
}

/**
 * Takes one attempt from the key's allowance before the password is checked, in one statement:
 * the row is locked by the upsert, so of any number of concurrent attempts (in any process) only
 * those the policy allows get `true`; the attempt that goes past `free` sets the lock at once, so
 * every later one is refused until it ends. A refused attempt changes nothing (the lock is not
 * extended by knocking on it). The count is the attempts in the window, successful ones refunded
 * by `refundAttempt`, so it counts failures and attempts still being checked.
 */
export async function reserveAttempt(
  db: DbOrTx,
  key: string,
  rule: ThrottleRule,
  now: Date,
): Promise<boolean> {
  const t = loginThrottle;
  const at = ts(now);
  const windowStart = ts(new Date(now.getTime() - rule.windowMs));
  const count = sql`case when ${t.lastFailureAt} < ${windowStart} then 1 else ${t.failures} + 1 end`;
  const rows = await db
    .insert(t)
    .values({ key, failures: 1, firstFailureAt: now, lastFailureAt: now, lockedUntil: null })
    .onConflictDoUpdate({
      target: t.key,
      set: {
        failures: count,
        firstFailureAt: sql`case when ${t.lastFailureAt} < ${windowStart} then ${at} else ${t.firstFailureAt} end`,
        lastFailureAt: now,
        lockedUntil: lockAfter(count, rule, at),
      },
      // Evaluated on the row as it is once locked: a concurrent attempt's update is seen here.
      setWhere: sql`${t.lockedUntil} is null or ${t.lockedUntil} <= ${at}`,
    })
    .returning({ key: t.key });
  return rows.length > 0;
}

/**
 * Gives back an attempt that was reserved but must not count: the password was right (colleagues
 * behind one proxy share an address), or another key refused it before argon2 ran. The lock goes
 * when the count falls back within `free`; a row back at zero is deleted.
 */
export async function refundAttempt(db: DbOrTx, key: string, rule: ThrottleRule): Promise<void> {
  const t = loginThrottle;
  const rows = await db
    .update(t)
    .set({
      failures: sql`${t.failures} - 1`,
      lockedUntil: sql`case when ${t.failures} - 1 > ${rule.free} then ${t.lockedUntil} else null end`,
    })
    .where(and(eq(t.key, key), gt(t.failures, 0)))
    .returning({ failures: t.failures });
  if (rows[0]?.failures === 0) await db.delete(t).where(and(eq(t.key, key), eq(t.failures, 0)));
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
