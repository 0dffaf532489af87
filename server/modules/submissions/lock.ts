import type { DbOrTx } from '../../db/client';
import { AppError } from '../../lib/errors';
import { type LockKey, lockHolders } from './repository';

const day = (d: Date | null) => (d ? ` on ${d.toISOString().slice(0, 10)}` : '');

/**
 * Refuses (409, naming the lock) a value write in a submitted or approved (country, plan, period):
 * a submission is locked from the moment it is submitted until a validator returns it, and an
 * approved one until a validator reopens it, so a validator approves exactly what was submitted.
 * The submissions that hold the value are read FOR SHARE: a transition (which locks its submission
 * FOR UPDATE) waits for the write's transaction, and a write waits for a transition's.
 */
export async function assertValueWritable(tx: DbOrTx, k: LockKey): Promise<void> {
  const holders = await lockHolders(tx, k);
  for (const h of holders) {
    const what = `${k.countryIso3} ${h.code} of "${h.planTitle}"`;
    if (h.state === 'approved')
      throw new AppError(
        409,
        `lock: ${what} was approved${day(h.approvedAt)}; its values cannot change until a validator reopens it`,
        { code: 'locked', params: { state: 'approved' } },
      );
    if (h.state === 'submitted')
      throw new AppError(
        409,
        `lock: ${what} was submitted for approval${h.submittedBy ? ` by ${h.submittedBy}` : ''}${day(h.submittedAt)}; ` +
          'its values cannot change until a validator returns it',
        { code: 'locked', params: { state: 'submitted' } },
      );
  }
}
