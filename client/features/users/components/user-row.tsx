import { type FormEvent, type ReactNode, useState } from 'react';
import { PASSWORD_MIN_LENGTH, type User } from '../../../../shared';
import { describeRoles } from '../../auth/capabilities';
import { useResetPassword, useUpdateUser } from '../api/update-user';
import { RoleFields, roleFromForm } from './role-fields';

/**
 * One account: its roles (add, remove), (de)activation and a password reset; `tokens` is the
 * page's panel of the account's API tokens (another feature's, composed by the page).
 */
export function UserRow({ user, tokens }: { user: User; tokens?: ReactNode }) {
  const update = useUpdateUser();
  const reset = useResetPassword();
  const [message, setMessage] = useState<string | null>(null);
  const who = user.displayName;

  function addRole(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const { role, error } = roleFromForm(new FormData(e.currentTarget));
    if (error || !role) return setMessage(error ?? 'role: choose one');
    setMessage(null);
    update.mutate(
      { id: user.id, roles: [...user.roles, role] },
      { onError: (err) => setMessage(err.message) },
    );
  }

  function resetPassword(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const password = String(new FormData(form).get('password') ?? '');
    reset.mutate(
      { id: user.id, password },
      {
        onSuccess: () => {
          form.reset();
          setMessage(`Password of ${who} reset; their sessions were ended.`);
        },
        onError: (err) => setMessage(err.message),
      },
    );
  }

  return (
    <tr>
      <th scope="row">
        {who}
        <div className="muted small">{user.email}</div>
        {user.demo && <span className="chip">demo</span>}
      </th>
      <td>
        <ul className="inline-list">
          {user.roles.map((r, i) => (
            <li key={`${r.role}-${r.country ?? ''}`}>
              {describeRoles({ roles: [r] })[0]}{' '}
              <button
                type="button"
                className="button"
                aria-label={`Remove ${describeRoles({ roles: [r] })[0]} from ${who}`}
                onClick={() =>
                  update.mutate(
                    { id: user.id, roles: user.roles.filter((_, j) => j !== i) },
                    { onError: (err) => setMessage(err.message) },
                  )
                }
              >
                ×
              </button>
            </li>
          ))}
        </ul>
        <form className="picker-row" onSubmit={addRole} aria-label={`Add a role to ${who}`}>
          <RoleFields optional />
          <button type="submit" className="button">
            Add role
          </button>
        </form>
      </td>
      <td>
        {user.active ? 'Active' : 'Deactivated'}{' '}
        <button
          type="button"
          className="button"
          onClick={() =>
            update.mutate(
              { id: user.id, active: !user.active },
              { onError: (err) => setMessage(err.message) },
            )
          }
        >
          {user.active ? `Deactivate ${who}` : `Reactivate ${who}`}
        </button>
        <form className="picker-row" onSubmit={resetPassword} aria-label={`Reset the password of ${who}`}>
          <label>
            New password
            <input
              name="password"
              type="password"
              autoComplete="new-password"
              minLength={PASSWORD_MIN_LENGTH}
              maxLength={256}
              required
            />
          </label>
          <button type="submit" className="button">
            Reset password
          </button>
        </form>
        {message && (
          <p className="small" role="status">
            {message}
          </p>
        )}
      </td>
      {tokens && <td>{tokens}</td>}
    </tr>
  );
}
