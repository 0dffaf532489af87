import type { ServiceContext } from '../../service-context';
import { recordAuthEvent } from '../audit/repository';
import { type Principal, unauthenticated } from '../auth/permissions';
import { setEmailReminders } from './repository';

/** Turns the caller's daily e-mail digest on or off (audited as an account change). */
export async function setOwnReminders(
  ctx: ServiceContext,
  p: Principal | null,
  enabled: boolean,
  ip: string,
) {
  if (!p) throw unauthenticated();
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    await setEmailReminders(tx, p.userId, enabled, now);
    await recordAuthEvent(tx, {
      event: 'user.reminders',
      at: now,
      actorId: p.userId,
      subjectId: p.userId,
      ip,
      details: { enabled, via: p.via },
    });
  });
}
