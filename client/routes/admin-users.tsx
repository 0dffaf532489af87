import { type FormEvent, useId, useState } from 'react';
import { DISPLAY_NAME_MAX_LENGTH, EMAIL_MAX_LENGTH, PASSWORD_MAX_LENGTH } from '../../shared/constants/role';
import { ErrorState } from '../components/ui/error-state';
import { LoadingState } from '../components/ui/loading-state';
import { isUnauthenticated, RequireAuth, SignInRedirect } from '../features/auth/components/require-auth';
import { UserTokensPanel } from '../features/tokens/components/user-tokens-panel';
import { useCreateUser } from '../features/users/api/create-user';
import { useUsers } from '../features/users/api/get-users';
import { RoleFields, roleFromForm } from '../features/users/components/role-fields';
import { UserRow } from '../features/users/components/user-row';
import { useT } from '../i18n/context';
import { useErrorText } from '../lib/error-text';

function UsersContent() {
  const id = useId();
  const t = useT();
  const { errorText, zodText } = useErrorText();
  const users = useUsers();
  const create = useCreateUser();
  const [message, setMessage] = useState<string | null>(null);

  if (isUnauthenticated(users.error)) return <SignInRedirect />;

  async function onCreate(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    // The schemas are imported on submit: the users page's first JS has no zod
    // (docs/decisions/lazy-response-schemas.md).
    const { role, error } = await roleFromForm(data, zodText);
    const { CreateUserBodySchema } = await import('../../shared/api/users');
    const parsed = CreateUserBodySchema.safeParse({
      email: data.get('email'),
      displayName: data.get('displayName'),
      password: data.get('password'),
      roles: role ? [role] : [],
    });
    if (error || !parsed.success) {
      setMessage(
        error ?? parsed.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') ?? null,
      );
      return;
    }
    create.mutate(parsed.data, {
      onSuccess: (u) => {
        form.reset();
        setMessage(t('users.created', { email: u.email }));
      },
      onError: (err) => setMessage(errorText(err)),
    });
  }

  return (
    <>
      <section className="section" aria-labelledby={`${id}-new`}>
        <h2 id={`${id}-new`}>{t('users.newAccount')}</h2>
        <form className="form" onSubmit={onCreate} noValidate aria-label={t('users.newAccount')}>
          <div className="field">
            <label htmlFor={`${id}-email`}>{t('signIn.email')}</label>
            <input id={`${id}-email`} name="email" type="email" maxLength={EMAIL_MAX_LENGTH} required />
          </div>
          <div className="field">
            <label htmlFor={`${id}-name`}>{t('users.name')}</label>
            <input id={`${id}-name`} name="displayName" maxLength={DISPLAY_NAME_MAX_LENGTH} required />
          </div>
          <div className="field">
            <label htmlFor={`${id}-password`}>{t('users.initialPassword')}</label>
            <input
              id={`${id}-password`}
              name="password"
              type="password"
              autoComplete="new-password"
              maxLength={PASSWORD_MAX_LENGTH}
              required
            />
          </div>
          <RoleFields />
          <button type="submit" className="button" disabled={create.isPending}>
            {t('users.create')}
          </button>
        </form>
        {message && (
          <p className="notice" role="status">
            {message}
          </p>
        )}
      </section>
      <section className="section" aria-labelledby={`${id}-list`}>
        <h2 id={`${id}-list`}>{t('users.accounts')}</h2>
        {users.isPending && <LoadingState label={t('users.loading')} />}
        {users.isError && <ErrorState error={users.error} onRetry={() => void users.refetch()} />}
        {users.data && (
          <div className="table-scroll">
            <table className="table">
              <caption className="visually-hidden">{t('users.accounts')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('users.col.account')}</th>
                  <th scope="col">{t('users.col.roles')}</th>
                  <th scope="col">{t('users.col.state')}</th>
                  <th scope="col">{t('users.col.tokens')}</th>
                </tr>
              </thead>
              <tbody>
                {users.data.items.map((u) => (
                  <UserRow
                    key={u.id}
                    user={u}
                    tokens={<UserTokensPanel userId={u.id} who={u.displayName} />}
                  />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}

export function AdminUsersPage() {
  const t = useT();
  return (
    <>
      <title>{t('app.titleSuffix', { page: t('users.title') })}</title>
      <h1>{t('users.title')}</h1>
      <RequireAuth need="admin">
        <UsersContent />
      </RequireAuth>
    </>
  );
}
