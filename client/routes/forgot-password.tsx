import { type FormEvent, useId, useState } from 'react';
import { FormError } from '../components/ui/field-error';
import { useForgotPassword } from '../features/auth/api/forgot-password';
import { useServerFeatures } from '../features/auth/api/get-server-features';
import { EmailField } from '../features/auth/components/email-field';
import { useT } from '../i18n/context';
import { useErrorText } from '../lib/error-text';

export function ForgotPasswordPage() {
  const id = useId();
  const t = useT();
  const { zodText } = useErrorText();
  const features = useServerFeatures();
  const ask = useForgotPassword();
  const [problem, setProblem] = useState<string | null>(null);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    // The schema is imported on submit, as on the sign-in page.
    const { ForgotPasswordBodySchema } = await import('../../shared/api/auth');
    const parsed = ForgotPasswordBodySchema.safeParse({ email: form.get('email') });
    if (!parsed.success) {
      setProblem(zodText(parsed.error));
      return;
    }
    setProblem(null);
    ask.mutate(parsed.data);
  }

  const error = problem ?? (ask.error ? ask.error.message : null);
  return (
    <>
      <title>{t('app.titleSuffix', { page: t('forgot.title') })}</title>
      <h1>{t('forgot.title')}</h1>
      {features.data?.mail === false ? (
        <p className="notice">{t('forgot.noMail')}</p>
      ) : ask.isSuccess ? (
        <p role="status" className="notice">
          {t('forgot.sent')}
        </p>
      ) : (
        <form className="form" onSubmit={onSubmit} noValidate aria-label={t('forgot.title')}>
          <p className="muted">{t('forgot.lede')}</p>
          <EmailField id={id} />
          <FormError error={error} />
          <button type="submit" className="button" disabled={ask.isPending}>
            {t('forgot.submit')}
          </button>
        </form>
      )}
    </>
  );
}
