import { NavLink, Outlet } from 'react-router';
import { UserNav } from '../features/auth/components/user-nav';

const navClass = ({ isActive }: { isActive: boolean }) => (isActive ? 'nav__link is-active' : 'nav__link');

export function Layout() {
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <div className="container site-header__inner">
          <NavLink to="/" className="brand" end>
            NAP Tracker
          </NavLink>
          <nav aria-label="Main">
            <ul className="nav">
              <li>
                <NavLink to="/" end className={navClass}>
                  Home
                </NavLink>
              </li>
              <li>
                <NavLink to="/countries" className={navClass}>
                  Countries
                </NavLink>
              </li>
              <li>
                <NavLink to="/compare" className={navClass}>
                  Compare
                </NavLink>
              </li>
              <li>
                <NavLink to="/groups" className={navClass}>
                  Groups
                </NavLink>
              </li>
              <li>
                <NavLink to="/due" className={navClass}>
                  What is due
                </NavLink>
              </li>
              <li>
                <a className="nav__link" href="/api/docs">
                  API docs
                </a>
              </li>
            </ul>
          </nav>
          <nav aria-label="Account">
            <UserNav />
          </nav>
        </div>
      </header>
      <main id="main" className="container main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="site-footer">
        <div className="container">
          Data: Tracking AMR Country Self-assessment Survey (TrACSS) 2019–2020, WHO/FAO/WOAH/UNEP. Levels run
          from A (no capacity) to E (sustained capacity).
        </div>
      </footer>
    </div>
  );
}
