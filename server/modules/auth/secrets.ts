import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A random secret (256 bits), URL-safe. */
export function newSecret(prefix = ''): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

/** Session and API tokens are high-entropy: a fast SHA-256 is enough to store them (no argon2 needed). */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/**
 * The CSRF token of a session, derived from its secret: the server recomputes it from the cookie,
 * so nothing more is stored; a page of another site can read neither.
 */
export function csrfTokenFor(sessionToken: string): string {
  return createHmac('sha256', sessionToken).update('nap-tracker csrf v1').digest('base64url');
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
