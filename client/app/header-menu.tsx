import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useLocation } from 'react-router';
import { useT } from '../i18n/context';

/**
 * The header's navigation, account, notices and language. On a wide screen they sit in the header as
 * they are (the wrapper is `display: contents` and the button hidden); below the phone breakpoint a
 * Menu button shows and hides them. Escape closes the menu and gives the focus back to the
 * button; following a link closes it.
 */
export function HeaderMenu({ children }: { children: ReactNode }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const { pathname } = useLocation();
  const [at, setAt] = useState(pathname);
  if (at !== pathname) {
    setAt(pathname);
    setOpen(false);
  }
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      // A menu inside (the notices) closes first; the next Escape closes this one.
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);
  return (
    <>
      <button
        ref={button}
        type="button"
        className="site-menu-button"
        aria-expanded={open}
        aria-controls="site-menu"
        onClick={() => setOpen(!open)}
      >
        <span className="site-menu-button__icon" aria-hidden="true" />
        {t('layout.menu')}
      </button>
      <div id="site-menu" className={open ? 'site-menu is-open' : 'site-menu'}>
        {children}
      </div>
    </>
  );
}
