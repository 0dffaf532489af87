import { ApiError, apiSend } from '../api-client';
import type { KeptError, OutboxEntry } from './db';
import type { SendResult } from './outbox';

const storedValueSchema = () => import('../../../shared/api/values').then((m) => m.StoredValueSchema);

export function keptErrorOf(e: ApiError): KeptError {
  return {
    statusCode: e.statusCode,
    error: e.error,
    message: e.message,
    code: e.code,
    params: e.params,
    issues: e.issues,
  };
}

/** Sends one queued value from the page, through the app's fetch client (its session, its CSRF token). */
export async function sendQueued(entry: OutboxEntry): Promise<SendResult> {
  try {
    const stored = await apiSend('PUT', entry.path, storedValueSchema, entry.body);
    return { kind: 'sent', stored };
  } catch (e) {
    if (!(e instanceof ApiError)) return { kind: 'retry' };
    return resultOfRefusal(e, (await storedValueSchema()).safeParse(e.current));
  }
}

/** What a refusal means for a queued value. */
export function resultOfRefusal(
  e: ApiError,
  theirs: { success: true; data: import('../../../shared').StoredValue } | { success: false },
): SendResult {
  if (e.statusCode === 0 || e.statusCode >= 500 || e.statusCode === 429) return { kind: 'retry' };
  if (e.statusCode === 401) return { kind: 'sign-in' };
  if (e.statusCode === 409 && theirs.success)
    return { kind: 'conflict', theirs: theirs.data, refusal: keptErrorOf(e) };
  // Locked meanwhile (submitted or approved), no longer allowed, or refused: kept for the user.
  return { kind: 'aside', refusal: keptErrorOf(e) };
}
