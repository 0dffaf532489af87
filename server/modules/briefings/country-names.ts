import { createRequire } from 'node:module';
import countries from 'i18n-iso-countries';
import type { Locale } from '../../../shared';

/**
 * Country names in the pack's language from i18n-iso-countries (the client names countries from the
 * same package), by ISO3 code; the stored English name for English and for codes the package lacks.
 */
const require = createRequire(import.meta.url);
for (const lang of ['fr', 'es', 'ar'] as const)
  countries.registerLocale(require(`i18n-iso-countries/langs/${lang}.json`));

export function countryNamer(lang: Locale): (c: { iso3: string; name: string }) => string {
  if (lang === 'en') return (c) => c.name;
  return (c) => countries.getName(c.iso3, lang) ?? c.name;
}
