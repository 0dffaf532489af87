import { describe, expect, it } from 'vitest';
import { ar } from '../../client/i18n/locales/ar';
import { en } from '../../client/i18n/locales/en';
import { es } from '../../client/i18n/locales/es';
import { fr } from '../../client/i18n/locales/fr';
import type { Message } from '../../client/i18n/types';
import { CLASSIFICATION_NAMES } from '../../shared/i18n/classifications';

/*
 * Grammar the catalogs must keep: French never puts "de"/"à" straight before a country's
 * or person's name (it needs "de l'Égypte", "du Maroc", "d'Amal": no form fits every name), and a
 * count beside a noun is a plural message, not "1 indicateurs".
 */
const texts = (m: Message) => (typeof m === 'string' ? [m] : Object.values(m));

describe('French elision', () => {
  it('has no "de {country}", "à {name}" … before a name', () => {
    const bad = Object.entries(fr).filter(([, m]) =>
      texts(m as Message).some((s) => /\b(de|à|du|le|la)\s+\{(country|name|names|countryName)\}/i.test(s)),
    );
    expect(bad.map(([k]) => k)).toEqual([]);
  });
});

describe('counts beside nouns', () => {
  it.each([
    ['fr', fr],
    ['ar', ar],
  ] as const)('%s: a {count} placeholder is always in a plural message', (_, catalog) => {
    // A count in a label form ("Pays (3)", "3 sur 20") needs no plural; a count before a noun does.
    const bad = Object.entries(catalog).filter(
      ([, m]) => typeof m === 'string' && /\{count\}\s+(?!(sur|de|من)\s)\p{L}/u.test(m),
    );
    expect(bad.map(([k]) => k)).toEqual([]);
  });
});

describe('classification names', () => {
  it('the reports use the same WHO region, income group and UN region names as the pages', () => {
    for (const [locale, catalog] of Object.entries({ en, fr, es, ar })) {
      const names = CLASSIFICATION_NAMES[locale as keyof typeof CLASSIFICATION_NAMES];
      const c = catalog as Record<string, Message>;
      for (const [code, name] of Object.entries(names.whoRegion)) expect(c[`whoRegion.${code}`]).toBe(name);
      for (const [code, name] of Object.entries(names.income)) expect(c[`income.${code}`]).toBe(name);
      for (const [code, name] of Object.entries(names.unRegion)) expect(c[`unRegion.${code}`]).toBe(name);
    }
  });
});
