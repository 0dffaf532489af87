import { Link, NavLink, useNavigate } from 'react-router';
import { useMe } from '../api/get-me';
import { useSignOut } from '../api/sign-out';
import { capabilitiesOf, describeRoles } from '../capabilities';

const navClass = ({ isActive }: { isActive: boolean }) => (isActive ? 'nav__link is-active' : 'nav__link');

/** Links the signed-in user's roles allow, who is signed in, and sign-out (or a sign-in link). */
export function UserNav() {
  const me = useMe();
  const signOut = useSignOut();
  const navigate = useNavigate();
  if (me.isPending) return null;
  const can = capabilitiesOf(me.data);
  if (!me.data) {
    return (
      <ul className="nav">
        <li>
          <NavLink to="/sign-in" className={navClass}>
            Sign in
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
            Users
          </NavLink>
        </li>
      )}
      {can.manageUsers && (
        <li>
          <NavLink to="/admin/import" className={navClass}>
            Import
          </NavLink>
        </li>
      )}
      {can.manageTokens && (
        <li>
          <NavLink to="/account/tokens" className={navClass}>
            API tokens
          </NavLink>
        </li>
      )}
      <li className="nav__user">
        <span className="nav__user-name">
          <span className="visually-hidden">Signed in as </span>
          <Link to="/account/tokens">{me.data.displayName}</Link>
          {me.data.demo && <span className="chip"> demo account</span>}
        </span>
        <span className="nav__user-roles">{describeRoles(me.data).join('; ') || 'no role'}</span>
      </li>
      <li>
        <button
          type="button"
          className="button button--link"
          disabled={signOut.isPending}
          onClick={() => signOut.mutate(undefined, { onSuccess: () => navigate('/') })}
        >
          Sign out
        </button>
      </li>
    </ul>
  );
}
