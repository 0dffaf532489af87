import { and, count, desc, eq, isNull } from 'drizzle-orm';
import type { Notification } from '../../../shared';
import { isNoticeCode, type NoticeCode, type NoticeParams, renderNotice } from '../../../shared/i18n/notices';
import type { DbOrTx } from '../../db/client';
import { notifications, submissions } from '../../db/schema';

const KIND_OF: Record<NoticeCode, Notification['kind']> = {
  period_returned: 'returned',
  period_approved: 'approved',
  period_reopened: 'reopened',
};

/**
 * Sends a notice to each user: its code and parameters, which the reader sees in their language, and
 * its English wording (the `message` API clients have always read).
 */
export async function notify(
  db: DbOrTx,
  userIds: number[],
  n: { code: NoticeCode; params: NoticeParams; submissionId: number; at: Date },
) {
  if (userIds.length === 0) return;
  const message = renderNotice('en', n.code, n.params, { isolate: false });
  await db.insert(notifications).values(
    userIds.map((userId) => ({
      userId,
      kind: KIND_OF[n.code],
      submissionId: n.submissionId,
      code: n.code,
      params: n.params,
      message: message.slice(0, 1200),
      createdAt: n.at,
    })),
  );
}

/** A user's notices, newest first (the latest 100), and how many are unread. */
export async function notificationsOf(db: DbOrTx, userId: number) {
  const rows = await db
    .select({ n: notifications, periodId: submissions.planPeriodId, countryIso3: submissions.countryIso3 })
    .from(notifications)
    .innerJoin(submissions, eq(submissions.id, notifications.submissionId))
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.id))
    .limit(100);
  const [unread] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
  return {
    unread: Number(unread?.n ?? 0),
    items: rows.map(
      (r): Notification => ({
        id: r.n.id,
        kind: r.n.kind as Notification['kind'],
        periodId: r.periodId,
        countryIso3: r.countryIso3,
        code: isNoticeCode(r.n.code) && r.n.params ? r.n.code : null,
        params: isNoticeCode(r.n.code) && r.n.params ? r.n.params : null,
        message: r.n.message,
        createdAt: r.n.createdAt.toISOString(),
        readAt: r.n.readAt ? r.n.readAt.toISOString() : null,
      }),
    ),
  };
}

/** Marks one of the user's notices read; false when it is not theirs (or does not exist). */
export async function markRead(db: DbOrTx, userId: number, id: number, at: Date): Promise<boolean> {
  const rows = await db
    .update(notifications)
    .set({ readAt: at })
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  if (rows.length > 0) return true;
  const [mine] = await db
    .select({ id: notifications.id })
    .from(notifications)
    .where(and(eq(notifications.id, id), eq(notifications.userId, userId)));
  return !!mine;
}
