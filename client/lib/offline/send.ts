import type { StoredValue } from '../../../shared';
import { ApiError, apiSend } from '../api-client';
import type { KeptError, OutboxEntry } from './db';
import { refusalResult, type SendResult } from './outbox';

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

/** What a refusal means for a queued value (the current value checked with the endpoint's schema). */
export function resultOfRefusal(
  e: ApiError,
  theirs: { success: true; data: StoredValue } | { success: false },
): SendResult {
  return refusalResult(keptErrorOf(e), theirs.success ? theirs.data : null);
}
