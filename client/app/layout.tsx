import { NavLink, Outlet } from 'react-router';
import { UserNav } from '../features/auth/components/user-nav';
import { useT } from '../i18n/context';
import { HeaderLanguage } from './header-language';
import { HeaderMenu } from './header-menu';
import { HeaderNotices } from './header-notices';
import { OfflineBar } from './offline-bar';

const navClass = ({ isActive }: { isActive: boolean }) => (isActive ? 'nav__link is-active' : 'nav__link');

export function Layout() {
  const t = useT();
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('layout.skip')}
      </a>
      <header className="site-header">
        <div className="container site-header__inner">
          <NavLink to="/" className="brand" end>
            {t('app.name')}
          </NavLink>
          <HeaderMenu>
            <nav aria-label={t('layout.nav.main')} className="site-nav site-nav--main">
              <ul className="nav">
                <li>
                  <NavLink to="/" end className={navClass}>
                    {t('nav.home')}
                  </NavLink>
                </li>
                <li>
                  <NavLink to="/countries" className={navClass}>
                    {t('nav.countries')}
                  </NavLink>
                </li>
                <li>
                  <NavLink to="/compare" className={navClass}>
                    {t('nav.compare')}
                  </NavLink>
                </li>
                <li>
                  <NavLink to="/groups" className={navClass}>
                    {t('nav.groups')}
                  </NavLink>
                </li>
                <li>
                  <NavLink to="/learning" className={navClass}>
                    {t('nav.learning')}
                  </NavLink>
                </li>
                <li>
                  <NavLink to="/exports" className={navClass}>
                    {t('nav.exports')}
                  </NavLink>
                </li>
                <li>
                  <NavLink to="/due" className={navClass}>
                    {t('nav.due')}
                  </NavLink>
                </li>
                <li>
                  <a className="nav__link" href="/api/docs">
                    {t('nav.apiDocs')}
                  </a>
                </li>
              </ul>
            </nav>
            <div className="site-header__tools">
              <nav aria-label={t('layout.nav.account')} className="site-nav site-nav--account">
                <UserNav />
                <HeaderNotices />
              </nav>
              <HeaderLanguage />
            </div>
          </HeaderMenu>
        </div>
      </header>
      <OfflineBar />
      <main id="main" className="container main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="site-footer">
        <div className="container">{t('layout.footer')}</div>
      </footer>
    </div>
  );
}
