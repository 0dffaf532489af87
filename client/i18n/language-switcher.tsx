import { useId } from 'react';
import { isLocale, LOCALE_NAMES, LOCALES, type Locale } from '../../shared/i18n/locale';
import { useI18n } from './context';

/**
 * The interface language, in the header. Each option names the language in itself (with its own
 * lang attribute, so screen readers pronounce it). `onPicked` lets the app keep a signed-in user's choice.
 */
export function LanguageSwitcher({ onPicked }: { onPicked?: (locale: Locale) => void }) {
  const { locale, setLocale, t } = useI18n();
  const id = useId();
  return (
    <div className="language-switcher">
      <label htmlFor={id} className="visually-hidden">
        {t('language.label')}
      </label>
      <select
        id={id}
        value={locale}
        onChange={(e) => {
          const next = e.target.value;
          if (!isLocale(next)) return;
          void setLocale(next).then(() => onPicked?.(next));
        }}
      >
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LOCALE_NAMES[l]}
          </option>
        ))}
      </select>
    </div>
  );
}
