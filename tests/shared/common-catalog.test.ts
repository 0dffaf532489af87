import { describe, expect, it } from 'vitest';
import { ar as clientAr } from '../../client/i18n/locales/ar';
import { en as clientEn } from '../../client/i18n/locales/en';
import { es as clientEs } from '../../client/i18n/locales/es';
import { fr as clientFr } from '../../client/i18n/locales/fr';
import { REPORT_STRINGS } from '../../server/modules/reports/i18n';
import { REPORT_COMMON_KEYS } from '../../server/modules/reports/i18n/common-keys';
import { common as ar } from '../../shared/i18n/common/ar';
import { common as en } from '../../shared/i18n/common/en';
import { common as es } from '../../shared/i18n/common/es';
import { common as fr } from '../../shared/i18n/common/fr';

/*
 * The words both the interface and the reports show live once, in shared/i18n/common/: each is
 * written and translated there, named by the interface's key; the client's catalogs spread them,
 * the reports' take them under their own keys (REPORT_COMMON_KEYS). A report string whose English the
 * interface also shows must come from there, so the two are never translated twice or drift apart.
 */
const LANGS = ['en', 'fr', 'es', 'ar'] as const;
const COMMON: Record<string, Record<string, string>> = { en, fr, es, ar };
const CLIENT: Record<string, Record<string, unknown>> = {
  en: clientEn,
  fr: clientFr,
  es: clientEs,
  ar: clientAr,
};
const REPORT = REPORT_STRINGS as Record<string, Record<string, string>>;
const reportKeys: Record<string, string> = REPORT_COMMON_KEYS;
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the shared catalog', () => {
  it.each(LANGS)('%s has every key of English, translated, with the same placeholders', (lang) => {
    const strings = COMMON[lang] as Record<string, string>;
    expect(Object.keys(strings).sort()).toEqual(Object.keys(en).sort());
    for (const [key, value] of Object.entries(en)) {
      expect(strings[key]?.trim(), `${lang}.${key}`).toBeTruthy();
      expect(placeholders(strings[key] as string), `${lang}.${key}`).toEqual(placeholders(value));
    }
  });

  it('holds only words the reports take too', () => {
    expect(Object.keys(en).filter((k) => !Object.values(reportKeys).includes(k))).toEqual([]);
  });

  it.each(LANGS)('%s: both catalogs show the shared words, none written over', (lang) => {
    const shared = COMMON[lang] as Record<string, string>;
    const differ = (catalog: Record<string, unknown>, keys: Record<string, string>) =>
      Object.entries(keys).filter(([k, s]) => catalog[k] !== shared[s]);
    const everyKey = Object.fromEntries(Object.keys(en).map((k) => [k, k]));
    expect(differ(CLIENT[lang] as Record<string, unknown>, everyKey)).toEqual([]);
    expect(differ(REPORT[lang] as Record<string, string>, reportKeys)).toEqual([]);
  });
});

describe('no report string is a second copy of an interface string', () => {
  const clientTexts = new Map<string, string[]>();
  for (const [key, m] of Object.entries(clientEn))
    if (typeof m === 'string') clientTexts.set(m, [...(clientTexts.get(m) ?? []), key]);
  const reportEn = REPORT.en as Record<string, string>;
  const overlapping = Object.keys(reportEn).filter((k) => clientTexts.has(reportEn[k] as string));

  it('a report string whose English the interface shows is a shared entry the interface shows', () => {
    expect(overlapping.length).toBeGreaterThan(50); // the check below has something to check
    const copies = overlapping.filter((rk) => {
      const shared = reportKeys[rk];
      return shared === undefined || !clientTexts.get(reportEn[rk] as string)?.includes(shared);
    });
    expect(copies).toEqual([]);
  });
});
