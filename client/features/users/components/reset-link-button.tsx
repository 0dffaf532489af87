import { useId } from 'react';
import type { ResetLink } from '../../../../shared';
import { dateTimeFormat } from '../../../../shared/i18n/intl-formats';
import { useI18n } from '../../../i18n/context';
import { useErrorText } from '../../../lib/error-text';
import { useMakeResetLink } from '../api/reset-link';

/** The whole address to hand to the user, built on this site's origin. */
export function resetLinkUrl(link: Pick<ResetLink, 'path'>, origin: string): string {
  return `${origin}${link.path}`;
}

/** Makes a one-time link for a user who lost their password, to pass on by phone or e-mail. */
export function ResetLinkButton({ userId, who }: { userId: number; who: string }) {
  const id = useId();
  const { t, locale } = useI18n();
  const { errorText } = useErrorText();
  const make = useMakeResetLink();
  const url = make.data ? resetLinkUrl(make.data, window.location.origin) : null;
  const expires = make.data
    ? // The administrator's own clock: they tell the user until when the link works.
      dateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(
        new Date(make.data.expiresAt),
      )
    : '';
  return (
    <div>
      <button type="button" className="button" disabled={make.isPending} onClick={() => make.mutate(userId)}>
        {t('users.makeLink', { name: who })}
      </button>
      {make.error && (
        <p className="field-error" role="alert">
          {errorText(make.error)}
        </p>
      )}
      {url && (
        <div className="reset-link">
          <label htmlFor={`${id}-url`}>{t('users.linkFor', { name: who, date: expires })}</label>
          <input id={`${id}-url`} readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
          <button
            type="button"
            className="button button--secondary"
            onClick={() => void navigator.clipboard?.writeText(url)}
          >
            {t('users.copyLink')}
          </button>
        </div>
      )}
    </div>
  );
}
