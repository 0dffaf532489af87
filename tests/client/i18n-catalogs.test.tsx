import { describe, expect, it } from 'vitest';
import { ar } from '../../client/i18n/locales/ar';
import { en } from '../../client/i18n/locales/en';
import { es } from '../../client/i18n/locales/es';
import { fr } from '../../client/i18n/locales/fr';
import type { Message } from '../../client/i18n/types';

/** The missing-translation check: every shipped language has every English key, and only those. */
const CATALOGS = { fr, es, ar } as Record<string, Record<string, Message>>;
const source = en as Record<string, Message>;
const placeholders = (m: Message) =>
  [...new Set((typeof m === 'string' ? [m] : Object.values(m)).join(' ').match(/\{\w+\}/g) ?? [])]
    .filter((p) => p !== '{count}')
    .sort();

describe.each(Object.entries(CATALOGS))('the %s catalog', (locale, catalog) => {
  it('has every key of the English catalog, none empty', () => {
    const missing = Object.keys(source).filter((k) => {
      const m = catalog[k];
      if (m === undefined) return true;
      return typeof m === 'string' ? m.trim() === '' : Object.values(m).some((v) => !v?.trim());
    });
    expect(missing).toEqual([]);
  });

  it('has no key that English lacks', () => {
    expect(Object.keys(catalog).filter((k) => !(k in source))).toEqual([]);
  });

  it('keeps the placeholders of each English message', () => {
    const wrong = Object.keys(source).filter(
      (k) =>
        catalog[k] !== undefined &&
        placeholders(catalog[k] as Message).join() !== placeholders(source[k] as Message).join(),
    );
    expect(wrong).toEqual([]);
  });

  it('gives every plural form counts up to 1000 need (Arabic: zero, one, two, few, many, other)', () => {
    const rules = new Intl.PluralRules(locale);
    const categories = new Set(Array.from({ length: 1001 }, (_, n) => rules.select(n)));
    const plural = Object.keys(source).filter((k) => typeof source[k] !== 'string');
    expect(plural.length).toBeGreaterThan(0);
    for (const k of plural) {
      const m = catalog[k];
      expect(typeof m, k).toBe('object');
      expect(Object.keys(m as object).sort(), k).toEqual(expect.arrayContaining([...categories].sort()));
    }
  });
});

it('differs from English: a catalog is translated, not copied', () => {
  for (const catalog of Object.values(CATALOGS)) {
    const same = Object.keys(source).filter((k) => JSON.stringify(catalog[k]) === JSON.stringify(source[k]));
    // Names (NAP Tracker, ISO3, Europe …) may stay the same; prose may not.
    expect(same.length / Object.keys(source).length).toBeLessThan(0.05);
  }
});
