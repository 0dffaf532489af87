import { describe, expect, it } from 'vitest';
import { REPORT_STRINGS, reportI18n } from '../../server/modules/reports/i18n';
import { LOCALES } from '../../shared';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('report strings', () => {
  const en = REPORT_STRINGS.en;
  it.each(LOCALES)('%s has every key of English, translated, with the same placeholders', (lang) => {
    const strings = REPORT_STRINGS[lang] as Record<string, string>;
    expect(Object.keys(strings).sort()).toEqual(Object.keys(en).sort());
    for (const [key, value] of Object.entries(en)) {
      expect(strings[key], `${lang}.${key}`).toBeTruthy();
      expect(placeholders(strings[key] as string), `${lang}.${key}`).toEqual(placeholders(value));
    }
  });

  it('French, Spanish and Arabic are translated, not copies of English', () => {
    for (const lang of ['fr', 'es', 'ar'] as const) {
      expect(REPORT_STRINGS[lang].summary).not.toBe(en.summary);
      expect(REPORT_STRINGS[lang].dataQuality).not.toBe(en.dataQuality);
    }
  });

  it('formats numbers, money and placeholders with the language', () => {
    expect(reportI18n('en').money(7_594_700, 'USD')).toBe('$7,594,700');
    expect(reportI18n('fr').num(7_594_700).replace(/\s/g, ' ')).toBe('7 594 700');
    expect(reportI18n('es').pct(47)).toBe('47 %');
    expect(reportI18n('en').t('page', { n: 2, total: 9 })).toBe('Page 2 of 9');
    expect(reportI18n('ar').rtl).toBe(true);
  });
});
