import type { StoredValue } from '../../../shared';
import type { KeptError } from './db';

/** What happened to one entry sent to the server. */
export type SendResult =
  | { kind: 'sent'; stored: StoredValue }
  | { kind: 'conflict'; theirs: StoredValue; refusal: KeptError }
  | { kind: 'aside'; refusal: KeptError }
  /** Not reachable, or a server failure: stop and try again later, in the same order. */
  | { kind: 'retry' }
  /** The session ended: stop until the user signs in again. */
  | { kind: 'sign-in' };

/**
 * What the server's refusal of a queued value means: wait and send again (no network, a server
 * failure, a rate limit), stop until the user signs in (401), a conflict to settle (409 with the
 * current value), or kept aside for the user (locked meanwhile, or any other refusal).
 */
export function refusalResult(refusal: KeptError, theirs: StoredValue | null): SendResult {
  const status = refusal.statusCode;
  if (status === 0 || status >= 500 || status === 429) return { kind: 'retry' };
  if (status === 401) return { kind: 'sign-in' };
  if (status === 409 && theirs) return { kind: 'conflict', theirs, refusal };
  return { kind: 'aside', refusal };
}
