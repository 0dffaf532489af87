import { sql } from 'drizzle-orm';
import {
  bigserial,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/pg-core';
import type { NoticeParams } from '../../../shared/i18n/notices';
import { users } from './accounts';
import { submissions } from './reporting';

/**
 * In-app notices for focal points: their submission was returned, approved or reopened. `code` and
 * `params` say what happened, worded in the reader's language (shared/i18n/notices.ts); `message` is
 * the English copy (the only text of notices sent before codes, which have no code).
 */
export const notifications = pgTable(
  'notifications',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: varchar('kind', { length: 16 }).notNull(),
    submissionId: integer('submission_id')
      .notNull()
      .references(() => submissions.id, { onDelete: 'cascade' }),
    message: varchar('message', { length: 1200 }).notNull(),
    code: varchar('code', { length: 32 }),
    params: jsonb('params').$type<NoticeParams>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [
    index('notifications_user_ix').on(t.userId, t.id),
    check('notifications_kind_ck', sql`${t.kind} in ('returned','approved','reopened')`),
  ],
);

/**
 * One row per user and day of the daily e-mail digest. A process claims the row (insert … on
 * conflict do nothing) before sending, so several processes against one database send each digest
 * once; a failed send keeps its error and releases the claim for a later attempt, up to a bound.
 */
export const mailDigests = pgTable(
  'mail_digests',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The UTC day the digest is for. */
    day: date('day', { mode: 'string' }).notNull(),
    /**
     * When the current attempt took the row; null: released after a failure (free to retry). Kept
     * once sent: the next digest reports what happened after it.
     */
    claimedAt: timestamp('claimed_at', { withTimezone: true }),
    /** Sent (or nothing to say that day: items = 0). */
    sentAt: timestamp('sent_at', { withTimezone: true }),
    items: integer('items'),
    attempts: integer('attempts').notNull().default(0),
    error: text('error'),
  },
  (t) => [uniqueIndex('mail_digests_user_day_uq').on(t.userId, t.day)],
);
