import { describe, expect, it } from 'vitest';
import { type NoticeParams, renderNotice } from '../../shared/i18n/notices';
import { formatMoney } from '../../shared/i18n/number';

/* Notices are stored as a code and parameters and worded in the reader's language. */

const params: NoticeParams = {
  country: 'EGY',
  countryName: 'Egypt',
  period: '2024-Q1',
  plan: 'National action plan 2018–2022',
  actor: 'Amal Haddad',
  reason: 'Check 7.4',
};
const names: Record<string, Record<string, string>> = {
  fr: { EGY: 'Égypte' },
  ar: { EGY: 'مصر' },
};
const isolates = /[\u2068\u2069]/g;
const plain = (s: string) => s.replace(isolates, '');

describe('notices in every language', () => {
  it('keeps the English copy the API has always sent, without isolates', () => {
    expect(renderNotice('en', 'period_returned', params, { isolate: false })).toBe(
      'Period 2024-Q1 (National action plan 2018–2022), Egypt: returned for correction by Amal Haddad. Reason: Check 7.4',
    );
    expect(renderNotice('en', 'period_approved', { ...params, reason: null }, { isolate: false })).toBe(
      'Period 2024-Q1 (National action plan 2018–2022), Egypt: approved by Amal Haddad.',
    );
  });

  it('words French without "de" before a country, with the country named in French', () => {
    const fr = renderNotice('fr', 'period_returned', params, {
      countryName: (iso3, stored) => names.fr?.[iso3] ?? stored,
    });
    expect(plain(fr)).toBe(
      'Période 2024-Q1 (National action plan 2018–2022), Égypte\u00a0: renvoyée pour correction par Amal Haddad. Motif\u00a0: Check 7.4',
    );
    expect(plain(fr)).not.toMatch(/\bde Égypte|returned|Reason|Period\b/);
  });

  it('words Arabic in Arabic, every name isolated so its punctuation stays on its side', () => {
    const ar = renderNotice(
      'ar',
      'period_approved',
      { ...params, reason: null },
      {
        countryName: (iso3, stored) => names.ar?.[iso3] ?? stored,
      },
    );
    expect(ar).toBe(
      'الفترة \u20682024-Q1\u2069 (\u2068National action plan 2018–2022\u2069)، \u2068مصر\u2069: وافق عليها \u2068Amal Haddad\u2069.',
    );
    // Outside the isolated names (plan title, person) not one Latin letter: nothing English in the sentence.
    expect(ar.replace(/\u2068[^\u2069]*\u2069/g, '')).not.toMatch(/[A-Za-z]/);
    // The sentence's full stop follows the isolate, not the Latin name inside it.
    expect(ar.endsWith('\u2069.')).toBe(true);
  });

  it('words Spanish and reopenings, with their reason', () => {
    expect(plain(renderNotice('es', 'period_reopened', params))).toBe(
      'Período 2024-Q1 (National action plan 2018–2022), Egypt: reabierto por Amal Haddad. Motivo: Check 7.4',
    );
  });
});

describe('money in the language', () => {
  it('writes USD as each language does, never "$US" or "US$"', () => {
    expect(formatMoney(642_800, 'USD', 'en')).toBe('USD 642,800');
    expect(formatMoney(642_800, 'USD', 'fr')).toBe('642\u202f800\u00a0USD');
    expect(formatMoney(1_500.5, 'USD', 'es')).toBe('1500,5\u00a0USD');
    const ar = formatMoney(642_800, 'USD', 'ar');
    expect(ar).toContain('دولار أمريكي');
    expect(ar).not.toMatch(/\$|US/);
    expect(formatMoney(12, null, 'fr')).toBe('12');
  });
});
