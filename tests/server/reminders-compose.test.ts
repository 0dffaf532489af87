import { describe, expect, it } from 'vitest';
import { loadConfig, mailConfig } from '../../server/config';
import { composeDigest, digestSubject } from '../../server/modules/reminders/compose';
import type { DigestContent } from '../../server/modules/reminders/content';
import { DIGEST_STRINGS, digestI18n } from '../../server/modules/reminders/i18n';
import type { DueItem } from '../../shared';

const due = (periodId: number, dueDate: string, state: DueItem['state'] = 'due'): DueItem => ({
  countryIso3: 'JOR',
  countryName: 'Jordan',
  planId: 1,
  planTitle: 'National <Action> Plan',
  periodId,
  periodCode: String(2020 + periodId),
  dueDate,
  state,
  entered: 0,
  expected: 4,
});
const empty: DigestContent = { dueSoon: [], overdue: [], returned: [], approved: [], waiting: [] };
const compose = (lang: 'en' | 'fr' | 'es' | 'ar', content: DigestContent) =>
  composeDigest({
    i18n: digestI18n(lang),
    content,
    name: 'Rana',
    publicUrl: 'https://nap.example.org',
    today: '2026-03-28',
    daysBefore: 7,
  });

describe('the digest in each language', () => {
  it('Arabic: right to left, the dual and the plural forms, the country in Arabic', () => {
    const two = compose('ar', { ...empty, dueSoon: [due(1, '2026-03-30'), due(2, '2026-04-01')] });
    expect(two.subject).toBe('NAP Tracker: فترتان مستحقتان');
    expect(two.html).toContain('<html lang="ar" dir="rtl">');
    expect(two.html).toContain('<body dir="rtl"');
    expect(two.text).toContain('الأردن, 2021 — National <Action> Plan: تستحق في');
    expect(two.text).toContain('(بعد يومين)');
    expect(two.text).toContain('مستحقة خلال 7 أيام');
    // Content from users is escaped in the HTML part.
    expect(two.html).toContain('National &lt;Action&gt; Plan');
    const three = digestSubject(digestI18n('ar'), {
      ...empty,
      overdue: [1, 2, 3].map((n) => due(n, '2026-01-31', 'overdue')),
    });
    expect(three).toBe('NAP Tracker: 3 فترات متأخرة');
    const eleven = digestSubject(digestI18n('ar'), {
      ...empty,
      waiting: Array.from({ length: 11 }, (_, n) => due(n, '2026-05-01', 'submitted')),
    });
    expect(eleven).toBe('NAP Tracker: 11 فترة بانتظار اعتمادك');
  });

  it('Spanish and English: singular and plural, due today, days late', () => {
    const es = compose('es', {
      ...empty,
      dueSoon: [due(1, '2026-03-28')],
      overdue: [due(2, '2026-03-27', 'overdue'), due(3, '2026-01-31', 'overdue')],
    });
    expect(es.subject).toBe('NAP Tracker: 2 atrasados, 1 período por presentar');
    expect(es.text).toContain('Jordania, 2021 — National <Action> Plan: vence hoy (28 de marzo de 2026)');
    expect(es.text).toContain('venció el 27 de marzo de 2026 (1 día de retraso)');
    expect(es.text).toContain('(56 días de retraso)');
    const en = compose('en', { ...empty, dueSoon: [due(1, '2026-03-29'), due(2, '2026-04-03')] });
    expect(en.subject).toBe('NAP Tracker: 2 periods due');
    expect(en.text).toContain('due March 29, 2026 (in 1 day)');
    expect(en.text).toContain('due April 3, 2026 (in 6 days)');
  });

  it('every language has every phrase, and every plural has the forms its language uses', () => {
    const keys = Object.keys(DIGEST_STRINGS.en).sort();
    for (const [lang, strings] of Object.entries(DIGEST_STRINGS)) {
      expect(Object.keys(strings).sort(), lang).toEqual(keys);
      const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
      for (const value of Object.values(strings)) {
        if (typeof value === 'string') continue;
        // 'many' in French and Spanish is for millions ("1 000 000 de jours"); zero is never shown in Arabic.
        for (const c of categories) if (c !== 'zero') expect(value[c], `${lang} ${c}`).toBeDefined();
      }
      if (lang !== 'en') expect(strings.intro).not.toBe(DIGEST_STRINGS.en.intro);
    }
  });
});

describe('e-mail settings', () => {
  it('are off without SMTP_URL, and checked together when it is set', () => {
    expect(mailConfig(loadConfig({}))).toBeNull();
    expect(() => loadConfig({ SMTP_URL: 'smtp://mail.example.org' })).toThrow(
      /MAIL_FROM: required when SMTP_URL is set\n\s+PUBLIC_URL: required/,
    );
    expect(() => loadConfig({ SMTP_URL: 'https://mail.example.org', DIGEST_HOUR_UTC: '24' })).toThrow(
      /SMTP_URL: must be an smtp:\/\/ or smtps:\/\/ URL\n\s+DIGEST_HOUR_UTC/,
    );
    const c = loadConfig({
      SMTP_URL: 'smtps://user:secret@mail.example.org:465',
      MAIL_FROM: 'NAP Tracker <noreply@example.org>',
      PUBLIC_URL: 'https://nap.example.org/',
      REMINDER_DAYS_BEFORE: '3',
    });
    expect(mailConfig(c)).toEqual({
      smtpUrl: 'smtps://user:secret@mail.example.org:465',
      from: 'NAP Tracker <noreply@example.org>',
      publicUrl: 'https://nap.example.org',
      daysBefore: 3,
      digestHourUtc: 6,
    });
  });
});
