import type { DueItem } from '../../../shared';
import type { Db } from '../../db/client';
import type { Principal } from '../auth/permissions';
import { getDue } from '../submissions/due-service';
import { dayOf } from '../submissions/mapping';
import { type NoticeRow, noticesBetween, previousDigestAt, type Recipient } from './repository';

/** What one user's digest says; every list may be empty (then nothing is sent). */
export interface DigestContent {
  /** Focal points: periods due within the configured days, not submitted yet. */
  dueSoon: DueItem[];
  /** Focal points: periods past their due date, not submitted. */
  overdue: DueItem[];
  /** Focal points: returned or approved since the previous digest. */
  returned: NoticeRow[];
  approved: NoticeRow[];
  /** Validators: periods submitted, waiting for approval. */
  waiting: DueItem[];
}

export const itemCount = (c: DigestContent) =>
  c.dueSoon.length + c.overdue.length + c.returned.length + c.approved.length + c.waiting.length;

/** Notices older than this are not repeated, even after a long pause of the digest. */
const NOTICE_LOOKBACK_MS = 7 * 24 * 3_600_000;

const DAY_MS = 86_400_000;
export const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/** The user as the due list sees them (reads only; no session, no credential). */
function principalOf(r: Recipient, roles: Principal['roles']): Principal {
  return {
    userId: r.id,
    email: r.email,
    displayName: r.displayName,
    demo: false,
    locale: r.locale,
    roles,
    via: 'session',
    scope: 'read',
    csrfToken: null,
    sessionHash: null,
  };
}

/**
 * Builds the digest from the same "what is due" the user sees on the site, split by their role in
 * each country (one person may be focal point of one country and validator of another).
 */
export async function digestContent(
  db: Db,
  r: Recipient,
  roles: Principal['roles'],
  now: Date,
  daysBefore: number,
): Promise<DigestContent> {
  const today = dayOf(now);
  const has = (role: string, iso3: string) => roles.some((x) => x.role === role && x.country === iso3);
  const due = await getDue({ db, now: () => now }, principalOf(r, roles));
  const focal = due.items.filter((i) => has('focal_point', i.countryIso3));
  const previous = await previousDigestAt(db, r.id, today);
  const since = new Date(Math.max(previous?.getTime() ?? 0, now.getTime() - NOTICE_LOOKBACK_MS));
  const notices = roles.some((x) => x.role === 'focal_point')
    ? await noticesBetween(db, r.id, since, now)
    : [];
  return {
    dueSoon: focal.filter((i) => i.state === 'due' && daysBetween(today, i.dueDate) <= daysBefore),
    overdue: focal.filter((i) => i.state === 'overdue'),
    returned: notices.filter((n) => n.kind === 'returned'),
    approved: notices.filter((n) => n.kind === 'approved'),
    waiting: due.items.filter((i) => i.state === 'submitted' && has('validator', i.countryIso3)),
  };
}
