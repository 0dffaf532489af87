import { Link, useLocation } from 'react-router';
import { useResetWithLink } from '../features/auth/api/change-password';
import { PASSWORD_FIELDS, PasswordForm } from '../features/auth/components/password-form';
import { useT } from '../i18n/context';
import { useErrorText } from '../lib/error-text';

/** The secret travels after # in the link: browsers send the fragment to no server and in no Referer. */
export function tokenFromHash(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token');
  return token && token.length >= 20 ? token : null;
}

export function ResetPasswordPage() {
  const t = useT();
  const token = tokenFromHash(useLocation().hash);
  const reset = useResetWithLink();
  const { fieldErrors } = useErrorText();
  const errors = fieldErrors(reset.error, PASSWORD_FIELDS);
  const linkProblem = reset.error?.message.startsWith('token:') ? t('account.linkInvalid') : null;

  return (
    <>
      <title>{t('app.titleSuffix', { page: t('account.resetTitle') })}</title>
      <h1>{t('account.resetTitle')}</h1>
      {reset.isSuccess ? (
        <div role="status" className="notice">
          <p>{t('account.resetDone')}</p>
          <p>
            <Link to="/sign-in">{t('nav.signIn')}</Link>
          </p>
        </div>
      ) : !token || linkProblem ? (
        <div className="error-state" role="alert">
          <p>{linkProblem ?? t('account.linkMissing')}</p>
        </div>
      ) : (
        <PasswordForm
          withCurrent={false}
          label={t('account.resetTitle')}
          submitLabel={t('account.resetSubmit')}
          pending={reset.isPending}
          serverErrors={errors}
          onSubmit={({ newPassword }) => reset.mutate({ token, newPassword })}
        />
      )}
    </>
  );
}
