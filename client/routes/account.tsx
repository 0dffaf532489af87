import { useId, useState } from 'react';
import { Link } from 'react-router';
import { useChangePassword } from '../features/auth/api/change-password';
import { useMe } from '../features/auth/api/get-me';
import { describeRoles } from '../features/auth/capabilities';
import { PASSWORD_FIELDS, PasswordForm } from '../features/auth/components/password-form';
import { RemindersSetting } from '../features/auth/components/reminders-setting';
import { RequireAuth } from '../features/auth/components/require-auth';
import { useT } from '../i18n/context';
import { useErrorText } from '../lib/error-text';

function AccountContent() {
  const id = useId();
  const t = useT();
  const me = useMe();
  const change = useChangePassword();
  const { fieldErrors } = useErrorText();
  const [done, setDone] = useState(false);
  if (!me.data) return null;
  const errors = fieldErrors(change.error, PASSWORD_FIELDS);
  return (
    <>
      <section className="section" aria-labelledby={`${id}-who`}>
        <h2 id={`${id}-who`}>{me.data.displayName}</h2>
        <p>{me.data.email}</p>
        <p>{describeRoles(me.data, t).join('; ') || t('nav.noRole')}</p>
      </section>
      <section className="section" aria-labelledby={`${id}-password`}>
        <h2 id={`${id}-password`}>{t('account.changePassword')}</h2>
        {me.data.via === 'session' ? (
          <>
            <p className="muted">{t('account.changeLede')}</p>
            <PasswordForm
              withCurrent
              label={t('account.changePassword')}
              submitLabel={t('account.changeSubmit')}
              pending={change.isPending}
              serverErrors={errors}
              onSubmit={(v) => {
                setDone(false);
                change.mutate(v, { onSuccess: () => setDone(true) });
              }}
            />
            {done && (
              <p role="status" className="notice">
                {t('account.changed')}
              </p>
            )}
          </>
        ) : (
          <p>{t('account.tokenCannotChange')}</p>
        )}
      </section>
      <RemindersSetting me={me.data} />
      <section className="section" aria-labelledby={`${id}-tokens`}>
        <h2 id={`${id}-tokens`}>{t('tokens.title')}</h2>
        <p>
          {t('account.tokensLede')} <Link to="/account/tokens">{t('account.manageTokens')}</Link>
        </p>
      </section>
    </>
  );
}

export function AccountPage() {
  const t = useT();
  return (
    <>
      <title>{t('app.titleSuffix', { page: t('account.title') })}</title>
      <h1>{t('account.title')}</h1>
      <RequireAuth>
        <AccountContent />
      </RequireAuth>
    </>
  );
}
