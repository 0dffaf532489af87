import { type FormEvent, useId, useState } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import type { Me } from '../../shared';
import { PASSWORD_MAX_LENGTH } from '../../shared/constants/role';
import { FieldError, FormError, invalidProps } from '../components/ui/field-error';
import { useMe } from '../features/auth/api/get-me';
import { useServerFeatures } from '../features/auth/api/get-server-features';
import { useSignIn } from '../features/auth/api/sign-in';
import { safeNext } from '../features/auth/capabilities';
import { EmailField } from '../features/auth/components/email-field';
import { useT } from '../i18n/context';
import { ApiError } from '../lib/api-client';
import { useErrorText } from '../lib/error-text';

/**
 * Where a sign-in without a `next` lands: "What is due" when the person has something to do there
 * (a period to enter, overdue or returned; for a validator, one waiting for approval), else home.
 */
export async function landingAfterSignIn(me: Me): Promise<string> {
  try {
    const { getDue } = await import('../features/submissions/api/get-due');
    const due = await getDue();
    const validates = (iso3: string) => me.roles.some((r) => r.role === 'validator' && r.country === iso3);
    const todo = due.items.some(
      (i) =>
        i.state === 'due' ||
        i.state === 'overdue' ||
        i.state === 'returned' ||
        (i.state === 'submitted' && validates(i.countryIso3)),
    );
    return todo ? '/due' : '/';
  } catch {
    return '/';
  }
}

const FIELDS = ['email', 'password'] as const;

export function SignInPage() {
  const id = useId();
  const t = useT();
  const { fieldErrors, zodFieldErrors } = useErrorText();
  const [params] = useSearchParams();
  const asked = params.get('next');
  const next = safeNext(asked);
  const navigate = useNavigate();
  const me = useMe();
  const signIn = useSignIn();
  const features = useServerFeatures();
  const [problems, setProblems] = useState<Record<string, string> | null>(null);

  if (me.data && !signIn.isPending && !signIn.isSuccess) return <Navigate to={next} replace />;

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    // The schema is imported on submit: the sign-in page's first JS has no zod
    // (docs/decisions/lazy-response-schemas.md).
    const { SignInBodySchema } = await import('../../shared/api/auth');
    const parsed = SignInBodySchema.safeParse({ email: form.get('email'), password: form.get('password') });
    if (!parsed.success) {
      setProblems(zodFieldErrors(parsed.error, FIELDS));
      return;
    }
    setProblems(null);
    signIn.mutate(parsed.data, {
      onSuccess: async (me) => navigate(asked ? next : await landingAfterSignIn(me), { replace: true }),
    });
  }

  // A wrong e-mail or password is one answer for the form (which of the two is not said).
  const errors =
    problems ??
    fieldErrors(
      signIn.error,
      signIn.error instanceof ApiError && signIn.error.statusCode === 401 ? [] : FIELDS,
    );
  const error = errors.form ?? null;
  return (
    <>
      <title>{t('app.titleSuffix', { page: t('signIn.title') })}</title>
      <h1>{t('signIn.title')}</h1>
      <form className="form" onSubmit={onSubmit} noValidate aria-label={t('signIn.title')}>
        <EmailField id={id} error={errors.email} />
        <div className="field">
          <label htmlFor={`${id}-password`}>{t('signIn.password')}</label>
          <input
            id={`${id}-password`}
            name="password"
            type="password"
            autoComplete="current-password"
            required
            maxLength={PASSWORD_MAX_LENGTH}
            {...invalidProps(`${id}-password`, errors.password)}
          />
          <FieldError id={`${id}-password`} error={errors.password} />
        </div>
        <FormError error={error} />
        <button type="submit" className="button" disabled={signIn.isPending}>
          {signIn.isPending ? t('signIn.pending') : t('signIn.title')}
        </button>
      </form>
      {features.data?.mail && (
        <p>
          <Link to="/forgot-password">{t('signIn.forgot')}</Link>
        </p>
      )}
    </>
  );
}
