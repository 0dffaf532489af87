import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ar } from '../../client/i18n/locales/ar';
import { fr } from '../../client/i18n/locales/fr';
import type { Catalog } from '../../client/i18n/types';
import { type DueItem, MeSchema, type Notification } from '../../shared';
import type { Locale } from '../../shared/i18n/locale';
import { mockApi } from './support/mock-api';
import { renderApp } from './support/render-app';

/*
 * Notices come as a code and parameters and read in the interface language: French and
 * Arabic sentences with the country's own name, the unread count in the language's plural forms, and
 * old notices (no code) still shown with their stored text.
 */

const focalMe = MeSchema.parse({
  id: 3,
  email: 'focal@example.org',
  displayName: 'Focal point, Jordan',
  demo: false,
  roles: [{ role: 'focal_point', country: 'JOR', sectors: [] }],
  via: 'session',
  scope: 'write',
  csrfToken: 'csrf-1',
});

const coded = (id: number, code: Notification['code'], reason: string | null = null): Notification => ({
  id,
  kind: code === 'period_approved' ? 'approved' : code === 'period_reopened' ? 'reopened' : 'returned',
  periodId: 9,
  countryIso3: 'JOR',
  code,
  params: {
    country: 'JOR',
    countryName: 'Jordan',
    period: '2020',
    plan: 'Jordan NAP 2018–2022',
    actor: 'Validator, Jordan',
    reason,
  },
  message: `English text ${id}`,
  createdAt: '2026-11-20T10:00:00.000Z',
  readAt: null,
});
const old: Notification = {
  ...coded(99, null),
  code: null,
  params: null,
  message: 'JOR 2019 was approved by Validator, Jordan.',
};

const DAY = 86_400_000;
const dayFrom = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);
const dueItem = (periodId: number, dueDate: string, state: DueItem['state']): DueItem => ({
  countryIso3: 'JOR',
  countryName: 'Jordan',
  planId: 1,
  planTitle: 'Jordan NAP 2018–2022',
  periodId,
  periodCode: String(2018 + periodId),
  dueDate,
  state,
  entered: 1,
  expected: 4,
});

function mock(items: Notification[]) {
  mockApi({
    '/auth/me': () => ({ body: focalMe }),
    '/notifications': () => ({ body: { items, unread: items.filter((n) => !n.readAt).length } }),
    '/due': () => ({
      body: {
        items: [
          dueItem(1, dayFrom(3), 'due'),
          dueItem(2, dayFrom(-2), 'overdue'),
          dueItem(3, dayFrom(-40), 'approved'),
        ],
        completeness: [],
      },
    }),
    '/countries': () => ({ body: { items: [] } }),
  });
}
const isolates = /[\u2068\u2069]/g;
const texts = (els: HTMLElement[]) => els.map((e) => (e.textContent ?? '').replace(isolates, ''));

afterEach(() => vi.unstubAllGlobals());

async function openNotices(locale: Locale, catalog: Catalog, items: Notification[], button: RegExp) {
  mock(items);
  const r = renderApp('/', { locale, catalog });
  await r.user.click(await screen.findByRole('button', { name: button }));
  return within(screen.getByRole('region', { name: catalog['notices.button'] as string }));
}

describe('notices in French', () => {
  it('are French sentences naming "Jordanie", with the unread count in the singular or plural', async () => {
    const panel = await openNotices(
      'fr',
      fr,
      [coded(1, 'period_returned', 'Vérifier 7.4')],
      /^Avis \(1 non lu\)$/,
    );
    // The country's French name arrives once its names have loaded.
    await panel.findByText(/Jordanie/);
    expect(texts(panel.getAllByRole('link'))).toEqual([
      'Période 2020 (Jordan NAP 2018–2022), Jordanie\u00a0: renvoyée pour correction par Validator, Jordan. Motif\u00a0: Vérifier 7.4',
    ]);
  });

  it('says "non lus" for two, and keeps an old notice’s stored text', async () => {
    const panel = await openNotices('fr', fr, [coded(1, 'period_approved'), old], /^Avis \(2 non lus\)$/);
    await panel.findByText(/Jordanie/);
    expect(texts(panel.getAllByRole('link'))).toEqual([
      'Période 2020 (Jordan NAP 2018–2022), Jordanie\u00a0: approuvée par Validator, Jordan.',
      'JOR 2019 was approved by Validator, Jordan.',
    ]);
  });

  it('on "What is due": the notice in French, and days left or late in the plural', async () => {
    mock([coded(1, 'period_reopened', 'Erreur de saisie')]);
    renderApp('/due', { locale: 'fr', catalog: fr });
    const section = await screen.findByRole('region', { name: fr['due.notifications'] as string });
    await within(section).findByText(/Jordanie/);
    expect(texts(within(section).getAllByRole('link'))).toEqual([
      'Période 2020 (Jordan NAP 2018–2022), Jordanie\u00a0: rouverte par Validator, Jordan. Motif\u00a0: Erreur de saisie',
    ]);
    expect(await screen.findByText('À rendre (dans 3 jours)')).toBeTruthy();
    expect(screen.getByText('En retard (2 jours de retard)')).toBeTruthy();
  });
});

describe('notices in Arabic', () => {
  it('are Arabic sentences naming الأردن, nothing English around the isolated names', async () => {
    const panel = await openNotices('ar', ar, [coded(1, 'period_approved')], /إشعار واحد غير مقروء/);
    await panel.findByText(/الأردن/);
    const [link] = panel.getAllByRole('link');
    const text = link?.textContent ?? '';
    expect(text).toContain('الأردن');
    expect(text).toContain('وافق عليها');
    // Names (plan title, person) are isolated; outside them, no Latin letter: no English left.
    expect(text.replace(/\u2068[^\u2069]*\u2069/g, '')).not.toMatch(/[A-Za-z]/);
    expect(text.endsWith('\u2069.')).toBe(true);
  });

  it.each([
    [2, /إشعاران غير مقروءين/],
    [3, /(3|٣) إشعارات غير مقروءة/],
    [11, /(11|١١) إشعارًا غير مقروء/],
  ])('words %i unread notices in the Arabic plural form for it', async (n, button) => {
    const items = Array.from({ length: n }, (_, i) => coded(i + 1, 'period_returned', 'راجِع'));
    await openNotices('ar', ar, items, button);
  });
});
