import { useState } from 'react';
import { Link, NavLink, useNavigate } from 'react-router';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { useT } from '../../../i18n/context';
import { useMe } from '../api/get-me';
import { unsentValues, useSignOut } from '../api/sign-out';
import { capabilitiesOf, describeRoles } from '../capabilities';

const navClass = ({ isActive }: { isActive: boolean }) => (isActive ? 'nav__link is-active' : 'nav__link');

/** Links the signed-in user's roles allow, who is signed in, and sign-out (or a sign-in link). */
export function UserNav() {
  const me = useMe();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const t = useT();
  /** Values not yet sent: signing out would delete them, so the person is asked first. */
  const [unsent, setUnsent] = useState(0);
  if (me.isPending) return null;
  const can = capabilitiesOf(me.data);
  if (!me.data) {
    return (
      <ul className="nav">
        <li>
          <NavLink to="/sign-in" className={navClass}>
            {t('nav.signIn')}
          </NavLink>
        </li>
      </ul>
    );
  }
  const userId = me.data.id;
  return (
    <ul className="nav">
      {can.manageUsers && (
        <li>
          <NavLink to="/admin/users" className={navClass}>
            {t('nav.users')}
          </NavLink>
        </li>
      )}
      {can.manageUsers && (
        <li>
          <NavLink to="/admin/import" className={navClass}>
            {t('nav.import')}
          </NavLink>
        </li>
      )}
      {can.runBriefings && (
        <li>
          <NavLink to="/briefings" className={navClass}>
            {t('nav.briefings')}
          </NavLink>
        </li>
      )}
      {can.manageTokens && (
        <li>
          <NavLink to="/account/tokens" className={navClass}>
            {t('nav.tokens')}
          </NavLink>
        </li>
      )}
      <li className="nav__user">
        <span className="nav__user-name">
          <span className="visually-hidden">{t('nav.signedInAs')}</span>
          <Link to="/account">{me.data.displayName}</Link>
          {me.data.demo && <span className="chip">{t('nav.demoAccount')}</span>}
        </span>
        <span className="nav__user-roles">{describeRoles(me.data, t).join('; ') || t('nav.noRole')}</span>
      </li>
      <li>
        <button
          type="button"
          className="button button--link"
          disabled={signOut.isPending}
          onClick={async () => {
            const n = await unsentValues(userId).catch(() => 0);
            if (n > 0) setUnsent(n);
            else signOut.mutate(userId, { onSuccess: () => navigate('/') });
          }}
        >
          {t('nav.signOut')}
        </button>
        {unsent > 0 && (
          <ConfirmDialog
            title={t('signOut.unsent', { count: unsent })}
            confirmLabel={t('signOut.anyway')}
            cancelLabel={t('signOut.stay')}
            danger
            busy={signOut.isPending}
            onCancel={() => setUnsent(0)}
            onConfirm={() =>
              signOut.mutate(userId, {
                onSuccess: () => {
                  setUnsent(0);
                  navigate('/');
                },
              })
            }
          >
            <p>{t('signOut.unsentDetail')}</p>
          </ConfirmDialog>
        )}
      </li>
    </ul>
  );
}
