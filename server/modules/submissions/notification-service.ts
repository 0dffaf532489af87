import { AppError } from '../../lib/errors';
import type { ServiceContext } from '../../service-context';
import type { Principal } from '../auth/permissions';
import { markRead, notificationsOf } from './notification-repository';

/** The caller's notices, newest first, and how many are unread. */
export async function listNotifications(ctx: Pick<ServiceContext, 'db'>, p: Principal) {
  return notificationsOf(ctx.db, p.userId);
}

/** Marks one of the caller's notices read; 404 when it is not theirs (or does not exist). */
export async function readNotification(ctx: Pick<ServiceContext, 'db' | 'now'>, p: Principal, id: number) {
  if (!(await markRead(ctx.db, p.userId, id, ctx.now())))
    throw new AppError(404, `notification: you have no notice ${id}`);
}
