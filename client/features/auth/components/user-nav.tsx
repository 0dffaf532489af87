import { Link, NavLink, useNavigate } from 'react-router';
import { useT } from '../../../i18n/context';
import { useMe } from '../api/get-me';
import { useSignOut } from '../api/sign-out';
import { capabilitiesOf, describeRoles } from '../capabilities';

const navClass = ({ isActive }: { isActive: boolean }) => (isActive ? 'nav__link is-active' : 'nav__link');

/** Links the signed-in user's roles allow, who is signed in, and sign-out (or a sign-in link). */
export function UserNav() {
  const me = useMe();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const t = useT();
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
          onClick={() => signOut.mutate(undefined, { onSuccess: () => navigate('/') })}
        >
          {t('nav.signOut')}
        </button>
      </li>
    </ul>
  );
}
