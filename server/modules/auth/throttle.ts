/**
 * Login throttling with exponential backoff, per account and per client address, kept in Postgres
 * so every server process sees the same counters (the statements: throttle-repository.ts). Each
 * attempt is counted before its password is checked (`reserveAttempt`); after `free` attempts within
 * `windowMs`, each further one locks the key for base · 2^(attempts − free − 1) ms, up to maxMs. A
 * successful attempt is given back.
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
