import { useEffect, useRef } from 'react';
import { useMe } from '../features/auth/api/get-me';
import { useSetLocale } from '../features/auth/api/set-locale';
import { useI18n } from '../i18n/context';
import { LanguageSwitcher } from '../i18n/language-switcher';

/**
 * The language switcher of the header. A signed-in user's choice is kept on the server (and in the
 * browser); when someone signs in with a language saved earlier, the interface switches to it once.
 */
export function HeaderLanguage() {
  const me = useMe();
  const saveLocale = useSetLocale();
  const { locale, setLocale } = useI18n();
  const appliedFor = useRef<number | null>(null);
  const saved = me.data?.locale ?? null;
  const userId = me.data?.id ?? null;

  useEffect(() => {
    if (userId === null || appliedFor.current === userId) return;
    appliedFor.current = userId;
    if (saved && saved !== locale) void setLocale(saved);
  }, [userId, saved, locale, setLocale]);

  return <LanguageSwitcher onPicked={(l) => userId !== null && l !== saved && saveLocale.mutate(l)} />;
}
