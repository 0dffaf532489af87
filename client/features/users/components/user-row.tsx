import { type FormEvent, type ReactNode, useState } from 'react';
import type { User } from '../../../../shared';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../../../shared/constants/role';
import { useT } from '../../../i18n/context';
import { useErrorText } from '../../../lib/error-text';
import { describeRoles } from '../../auth';
import { useResetPassword, useUpdateUser } from '../api/update-user';
import { ResetLinkButton } from './reset-link-button';
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
  const t = useT();
  const { errorText, zodText } = useErrorText();

  async function addRole(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const { role, error } = await roleFromForm(new FormData(e.currentTarget), zodText);
    if (error || !role) return setMessage(error ?? t('users.chooseRole'));
    setMessage(null);
    update.mutate(
      { id: user.id, roles: [...user.roles, role] },
      { onError: (err) => setMessage(errorText(err)) },
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
          setMessage(t('users.passwordReset', { name: who }));
        },
        onError: (err) => setMessage(errorText(err)),
      },
    );
  }

  return (
    <tr>
      <th scope="row">
        {who}
        <div className="muted small">{user.email}</div>
        {user.demo && <span className="chip">{t('users.demo')}</span>}
      </th>
      <td>
        <ul className="inline-list">
          {user.roles.map((r, i) => (
            <li key={`${r.role}-${r.country ?? ''}`}>
              {describeRoles({ roles: [r] }, t)[0]}{' '}
              <button
                type="button"
                className="button"
                aria-label={t('users.removeRole', {
                  role: describeRoles({ roles: [r] }, t)[0] ?? '',
                  name: who,
                })}
                onClick={() =>
                  update.mutate(
                    { id: user.id, roles: user.roles.filter((_, j) => j !== i) },
                    { onError: (err) => setMessage(errorText(err)) },
                  )
                }
              >
                ×
              </button>
            </li>
          ))}
        </ul>
        <form className="picker-row" onSubmit={addRole} aria-label={t('users.addRoleTo', { name: who })}>
          <RoleFields optional />
          <button type="submit" className="button">
            {t('users.addRole')}
          </button>
        </form>
      </td>
      <td>
        {user.active ? t('users.active') : t('users.deactivated')}{' '}
        <button
          type="button"
          className="button"
          onClick={() =>
            update.mutate(
              { id: user.id, active: !user.active },
              { onError: (err) => setMessage(errorText(err)) },
            )
          }
        >
          {user.active ? t('users.deactivate', { name: who }) : t('users.reactivate', { name: who })}
        </button>
        <form className="picker-row" onSubmit={resetPassword} aria-label={t('users.resetFor', { name: who })}>
          <label>
            {t('users.newPassword')}
            <input
              name="password"
              type="password"
              autoComplete="new-password"
              minLength={PASSWORD_MIN_LENGTH}
              maxLength={PASSWORD_MAX_LENGTH}
              required
            />
          </label>
          <button type="submit" className="button">
            {t('users.resetPassword')}
          </button>
        </form>
        <ResetLinkButton userId={user.id} who={who} />
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
