import type { FastifyBaseLogger } from 'fastify';
import { isLocale } from '../../../shared';
import type { Db } from '../../db/client';
import { AppError } from '../../lib/errors';
import type { ServiceContext } from '../../service-context';
import { recordAuthEvent } from '../audit/repository';
import { digestI18n } from '../reminders/i18n';
import type { Mailer } from '../reminders/mailer';
import { composePasswordMail } from '../reminders/password-mail';
import { findUserByEmail } from '../users/repository';
import { issueResetLink } from './reset-link-service';
import { lockedFor, refundAttempt, reserveAttempt } from './throttle-repository';

/** What sending a password link needs: the database itself (not a request's transaction) and the mailer. */
export interface PasswordMailDeps {
  db: Db;
  mailer: Mailer;
  publicUrl: string;
  log: FastifyBaseLogger;
}

// Keys of their own: asking for links does not lock anyone out of signing in, nor the reverse.
const forgotAccountKey = (email: string) => `forgot:${email.trim().toLowerCase()}`.slice(0, 300);
const forgotAddressKey = (ip: string) => `forgot-ip:${ip}`.slice(0, 300);

/**
 * "Forgot your password?": counts the request against the address's and the e-mail's allowance
 * (the sign-in policy; nothing is refunded), audits it, and answers what to do after the answer is
 * sent. The same answer whether or not an account has the address: the lookup, the link and the
 * e-mail happen afterwards, so neither the answer nor its timing tells.
 */
export async function requestPasswordLink(
  ctx: ServiceContext,
  mail: PasswordMailDeps | null,
  email: string,
  ip: string,
): Promise<() => Promise<void>> {
  if (!mail)
    throw new AppError(400, 'email: this server sends no e-mail; ask an administrator for a password link');
  const now = ctx.now();
  const keys = [forgotAddressKey(ip), forgotAccountKey(email)] as const;
  const addressOk = await reserveAttempt(ctx.db, keys[0], ctx.throttle.address, now);
  const accountOk = addressOk && (await reserveAttempt(ctx.db, keys[1], ctx.throttle.account, now));
  if (!accountOk) {
    if (addressOk) await refundAttempt(ctx.db, keys[0], ctx.throttle.address);
    const retryAfter = Math.max(1, Math.ceil((await lockedFor(ctx.db, [...keys], now)) / 1000));
    await recordAuthEvent(ctx.db, { event: 'password.forgot_throttled', at: now, ip, details: { email } });
    throw new AppError(429, `email: too many requests for a link; try again in ${retryAfter} s`, {
      params: { retryAfter },
      headers: { 'retry-after': String(retryAfter) },
    });
  }
  await recordAuthEvent(ctx.db, { event: 'password.forgot', at: now, ip, details: { email } });
  return () => sendPasswordLink(mail, email, ip, now);
}

/** Makes the link and e-mails it, when an active (not demo) account has the address; never throws. */
async function sendPasswordLink(mail: PasswordMailDeps, email: string, ip: string, now: Date) {
  try {
    const user = await findUserByEmail(mail.db, email);
    if (!user?.active || user.demo) return;
    const link = await issueResetLink(mail.db, user.id, { actorId: null, ip, via: 'email' }, now);
    const i18n = digestI18n(isLocale(user.locale) ? user.locale : 'en');
    const message = composePasswordMail(i18n, {
      url: `${mail.publicUrl}${link.path}`,
      expiresAt: new Date(link.expiresAt),
    });
    await mail.mailer.send({ to: user.email, lang: i18n.lang, ...message });
  } catch (err) {
    mail.log.warn({ err }, 'password link e-mail: not sent');
  }
}
