import { render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { Providers } from '../../client/app/providers';
import { createQueryClient } from '../../client/app/query-client';
import { ProfileTable } from '../../client/features/values/components/profile-table';
import { makeT } from '../../client/i18n/context';
import { createFormatters } from '../../client/i18n/format';
import { ar } from '../../client/i18n/locales/ar';
import { en } from '../../client/i18n/locales/en';
import { fr } from '../../client/i18n/locales/fr';
import { chartDirection, withDirection } from '../../client/i18n/rtl';
import { apiGet, setRequestLanguage } from '../../client/lib/api-client';
import { pickLocale } from '../../shared';
import { allCountries, jordan } from './support/fixtures';
import { mockApi } from './support/mock-api';
import { renderApp } from './support/render-app';

vi.mock('react-chartjs-2', () => import('./support/chart-mock'));

afterEach(() => localStorage.clear());

describe('t(): interpolation and plurals', () => {
  it('fills placeholders and picks English plural forms', () => {
    const t = makeT('en', en);
    expect(t('countries.count', { count: 1 })).toBe('1 country');
    expect(t('countries.count', { count: 249 })).toBe('249 countries');
    expect(t('cmp.rankOf', { rank: 3, n: 21 })).toBe('3 of 21');
  });

  it('uses the six Arabic plural forms', () => {
    const t = makeT('ar', ar);
    expect(t('countries.count', { count: 0 })).toBe('لا يوجد أي بلد');
    expect(t('countries.count', { count: 1 })).toBe('بلد واحد');
    expect(t('countries.count', { count: 2 })).toBe('بلدان اثنان');
    // The digits are those Intl gives Arabic (Latin in current CLDR).
    const n = (v: number) => new Intl.NumberFormat('ar').format(v);
    expect(t('countries.count', { count: 3 })).toBe(`${n(3)} بلدان`);
    expect(t('countries.count', { count: 11 })).toBe(`${n(11)} بلدًا`);
    expect(t('countries.count', { count: 100 })).toBe(`${n(100)} بلد`);
  });

  it('formats numbers, percentages and dates for the language', () => {
    expect(createFormatters('fr').formatPercent(42)).toMatch(/^42\s%$/);
    expect(createFormatters('en').formatPercent(42)).toBe('42 %');
    expect(createFormatters('en').formatPercent(35.4)).toBe('35 %');
    expect(createFormatters('ar').formatPercent(42)).toBe(
      new Intl.NumberFormat('ar', { style: 'percent' }).format(0.42),
    );
    expect(createFormatters('es').formatDate('2022-03-31')).toBe('31 mar 2022');
    expect(createFormatters('fr').formatDate('2022-03-31')).toBe('31 mars 2022');
  });
});

describe('the language of a first visit', () => {
  it('follows the browser languages (Accept-Language) and falls back to English', () => {
    expect(pickLocale('fr-CA,fr;q=0.9,en;q=0.8')).toBe('fr');
    expect(pickLocale(['ar-JO', 'en'])).toBe('ar');
    expect(pickLocale('de-DE,es;q=0.5,en;q=0.7')).toBe('en');
    expect(pickLocale('de-DE')).toBe('en');
    expect(pickLocale(undefined)).toBe('en');
  });
});

describe('chart direction', () => {
  it('merges into a chart’s own options without losing them', () => {
    const merged = withDirection(
      { scales: { x: { min: 0 } }, plugins: { legend: { position: 'bottom' } } },
      'rtl',
      'y',
    );
    expect(merged).toMatchObject({
      scales: { x: { min: 0, reverse: true }, y: { position: 'right' } },
      plugins: { legend: { position: 'bottom', rtl: true } },
    });
    expect(withDirection({ a: 1 }, 'ltr', 'x')).toEqual({ a: 1 });
  });

  it('reverses the category axis and lays legend and tooltip right to left under rtl', () => {
    expect(chartDirection('ltr')).toEqual({});
    expect(chartDirection('rtl', 'x')).toMatchObject({
      plugins: { legend: { rtl: true, align: 'end' }, tooltip: { rtl: true } },
      scales: { x: { reverse: true } },
    });
    expect(chartDirection('rtl', null)).not.toHaveProperty('scales');
  });
});

describe('the language switcher', () => {
  const routes = {
    '/countries': () => ({ body: { items: allCountries } }),
    '/countries/JOR': () => ({ body: jordan }),
    '/values': () => ({ body: { items: [], total: 0, limit: 1000, offset: 0 } }),
  };

  it('switches an anonymous visitor to Arabic: rtl, translated page, remembered in this browser', async () => {
    mockApi({ ...routes, '/auth/me': () => ({ status: 204, body: null }) });
    const { user } = renderApp('/countries');
    expect(await screen.findByRole('heading', { level: 1, name: 'Countries' })).toBeTruthy();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Language' }), 'ar');
    expect(await screen.findByRole('heading', { level: 1, name: 'البلدان' })).toBeTruthy();
    expect(document.documentElement.dir).toBe('rtl');
    expect(document.documentElement.lang).toBe('ar');
    expect(localStorage.getItem('nap.locale')).toBe('ar');
    const nav = screen.getByRole('navigation', { name: 'التنقل الرئيسي' });
    expect(within(nav).getByRole('link', { name: 'الرئيسية' })).toBeTruthy();
    // Country names come from i18n-iso-countries, loaded for the language in use.
    expect(await screen.findByRole('link', { name: 'الأردن' })).toBeTruthy();
  });

  it('keeps a signed-in user’s choice on the server, and applies a saved one on sign-in', async () => {
    const me = {
      id: 3,
      email: 'focal@x.org',
      displayName: 'Focal',
      demo: false,
      locale: 'fr',
      roles: [{ role: 'focal_point', country: 'JOR', sectors: [] }],
      via: 'session',
      scope: 'write',
      csrfToken: 'csrf-1',
    };
    const puts: unknown[] = [];
    mockApi({
      ...routes,
      '/auth/me': () => ({ body: me }),
      '/auth/me/locale': (_url, init) => {
        puts.push(JSON.parse(String(init?.body)));
        return { status: 204, body: null };
      },
    });
    const { user } = renderApp('/countries');
    // The saved language (French) applies once the user is known.
    expect(await screen.findByRole('heading', { level: 1, name: fr['countries.title'] })).toBeTruthy();
    expect(document.documentElement.lang).toBe('fr');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Langue' }), 'es');
    expect(await screen.findByRole('heading', { level: 1, name: 'Países' })).toBeTruthy();
    await waitFor(() => expect(puts).toEqual([{ locale: 'es' }]));
  });
});

describe('content in the interface language', () => {
  it('shows a translated indicator name, and marks the original when there is no translation', async () => {
    const fetchMock = mockApi({
      '/translations': () => ({
        body: {
          locale: 'ar',
          items: [
            { entityId: 1, field: 'name', text: 'التعاون المتعدد القطاعات', fallback: false },
            { entityId: 2, field: 'name', text: 'National action plan', fallback: true },
          ],
        },
      }),
    });
    render(
      <Providers queryClient={createQueryClient({ retry: false })} language={{ locale: 'ar', catalog: ar }}>
        <ProfileTable
          label="profile"
          survey="TrACSS 2019–2020"
          rows={[
            {
              id: 1,
              code: '4.1',
              name: 'Multi-sector coordination',
              subItem: null,
              sectors: [],
              kind: 'level',
              status: null,
              level: null,
              wording: null,
              choices: null,
              national: null,
              nationalWording: null,
            },
            {
              id: 2,
              code: '5.1',
              name: 'National action plan',
              subItem: null,
              sectors: [],
              kind: 'level',
              status: null,
              level: null,
              wording: null,
              choices: null,
              national: null,
              nationalWording: null,
            },
          ]}
        />
      </Providers>,
    );
    expect(await screen.findByText('التعاون المتعدد القطاعات')).toBeTruthy();
    const original = screen.getByText('National action plan');
    expect(original.getAttribute('lang')).toBe('en');
    expect(screen.getAllByText(ar['common.originalLanguage'])).toHaveLength(1);
    const url = new URL(String(fetchMock.mock.calls[0]?.[0]), 'http://localhost');
    expect(Object.fromEntries(url.searchParams)).toEqual({ entityType: 'indicator', ids: '1,2', lang: 'ar' });
  });
});

describe('requests carry the interface language', () => {
  it('sends Accept-Language with every API call, so content and reports come back in it', async () => {
    const fetchMock = mockApi({ '/countries': () => ({ body: { items: [] } }) });
    setRequestLanguage('fr');
    await apiGet('/countries', z.object({ items: z.array(z.unknown()) }));
    setRequestLanguage(null);
    const init = fetchMock.mock.calls[0]?.[1] as RequestInit;
    expect((init.headers as Record<string, string>)['accept-language']).toBe('fr');
  });
});
