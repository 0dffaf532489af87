import { useEffect, useState } from 'react';
import type { Locale } from '../../shared/i18n/locale';
import { useI18n } from './context';

type Names = Record<string, string | string[]>;
const loaded = new Map<Locale, Names>();

/** Country names of one language from i18n-iso-countries (about 2.5 kB gzip each), loaded on first use. */
const loaders: Record<Exclude<Locale, 'en'>, () => Promise<{ countries: Names }>> = {
  fr: () => import('i18n-iso-countries/langs/fr.json').then((m) => m.default),
  es: () => import('i18n-iso-countries/langs/es.json').then((m) => m.default),
  ar: () => import('i18n-iso-countries/langs/ar.json').then((m) => m.default),
};

/** ISO3 → ISO2 from the same package, so rows that carry only an ISO3 code are named too. */
async function loadNames(locale: Exclude<Locale, 'en'>): Promise<Names> {
  const [lang, codes] = await Promise.all([
    loaders[locale](),
    import('i18n-iso-countries/codes.json').then((m) => m.default as string[][]),
  ]);
  const names: Names = { ...lang.countries };
  for (const [iso2, iso3] of codes) {
    const n = iso2 ? lang.countries[iso2] : undefined;
    if (iso3 && n) names[iso3] = n;
  }
  return names;
}

/**
 * `countryName({ iso3, name })`: the country's name in the interface language, by its ISO 3166-1
 * code; the stored (English) name in English, while loading, or for codes the package lacks.
 */
export function useCountryName(): (c: {
  iso3?: string | null;
  iso2?: string | null;
  name: string;
}) => string {
  const { locale } = useI18n();
  const [names, setNames] = useState<Names | null>(() =>
    locale === 'en' ? null : (loaded.get(locale) ?? null),
  );
  useEffect(() => {
    if (locale === 'en') return setNames(null);
    const have = loaded.get(locale);
    if (have) return setNames(have);
    let live = true;
    void loadNames(locale).then((n) => {
      loaded.set(locale, n);
      if (live) setNames(n);
    });
    return () => {
      live = false;
    };
  }, [locale]);
  return (c) => {
    const code = c.iso3 ?? c.iso2;
    const n = code ? names?.[code.toUpperCase()] : undefined;
    return (Array.isArray(n) ? n[0] : n) ?? c.name;
  };
}
