import { type FormEvent, useId, useState } from 'react';
import { CreateUserBodySchema } from '../../shared';
import { ErrorState } from '../components/ui/error-state';
import { LoadingState } from '../components/ui/loading-state';
import { isUnauthenticated, RequireAuth, SignInRedirect } from '../features/auth/components/require-auth';
import { UserTokensPanel } from '../features/tokens/components/user-tokens-panel';
import { useCreateUser } from '../features/users/api/create-user';
import { useUsers } from '../features/users/api/get-users';
import { RoleFields, roleFromForm } from '../features/users/components/role-fields';
import { UserRow } from '../features/users/components/user-row';

function UsersContent() {
  const id = useId();
  const users = useUsers();
  const create = useCreateUser();
  const [message, setMessage] = useState<string | null>(null);

  if (isUnauthenticated(users.error)) return <SignInRedirect />;

  function onCreate(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const data = new FormData(form);
    const { role, error } = roleFromForm(data);
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
        setMessage(`Account ${u.email} created.`);
      },
      onError: (err) => setMessage(err.message),
    });
  }

  return (
    <>
      <section className="section" aria-labelledby={`${id}-new`}>
        <h2 id={`${id}-new`}>New account</h2>
        <form className="form" onSubmit={onCreate} noValidate aria-label="New account">
          <div className="field">
            <label htmlFor={`${id}-email`}>Email</label>
            <input id={`${id}-email`} name="email" type="email" maxLength={254} required />
          </div>
          <div className="field">
            <label htmlFor={`${id}-name`}>Name</label>
            <input id={`${id}-name`} name="displayName" maxLength={120} required />
          </div>
          <div className="field">
            <label htmlFor={`${id}-password`}>Initial password</label>
            <input
              id={`${id}-password`}
              name="password"
              type="password"
              autoComplete="new-password"
              maxLength={256}
              required
            />
          </div>
          <RoleFields />
          <button type="submit" className="button" disabled={create.isPending}>
            Create account
          </button>
        </form>
        {message && (
          <p className="notice" role="status">
            {message}
          </p>
        )}
      </section>
      <section className="section" aria-labelledby={`${id}-list`}>
        <h2 id={`${id}-list`}>Accounts</h2>
        {users.isPending && <LoadingState label="Loading accounts" />}
        {users.isError && <ErrorState error={users.error} onRetry={() => void users.refetch()} />}
        {users.data && (
          <div className="table-scroll">
            <table className="table">
              <caption className="visually-hidden">Accounts</caption>
              <thead>
                <tr>
                  <th scope="col">Account</th>
                  <th scope="col">Roles and countries</th>
                  <th scope="col">State</th>
                  <th scope="col">API tokens</th>
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
  return (
    <>
      <title>Users — NAP Tracker</title>
      <h1>Users</h1>
      <RequireAuth need="admin">
        <UsersContent />
      </RequireAuth>
    </>
  );
}
