import { render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { Providers } from '../../client/app/providers';
import { createQueryClient } from '../../client/app/query-client';
import { ExportMenu } from '../../client/features/exports/components/export-menu';
import { fr } from '../../client/i18n/locales/fr';
import { changesApproval, type Me, MeSchema, PLAN_STATUSES, type Plan, type PlanStatus } from '../../shared';
import { mockApi } from './support/mock-api';
import { buildPlan } from './support/plan-fixtures';
import { renderApp } from './support/render-app';

vi.mock('react-chartjs-2', () => import('./support/chart-mock'));

const me = (role: 'focal_point' | 'admin', country: string | null = 'JOR'): Me =>
  MeSchema.parse({
    id: 3,
    email: `${role}@example.org`,
    displayName: role,
    demo: false,
    roles: [{ role, country: role === 'admin' ? null : country, sectors: [] }],
    via: 'session',
    scope: 'write',
    csrfToken: 'csrf-1',
  });

function editPage(who: Me, status: PlanStatus) {
  const plan: Plan = { ...buildPlan(), status };
  mockApi({
    '/auth/me': () => ({ body: who }),
    '/notifications': () => ({ body: { items: [], unread: 0 } }),
    '/plans/7': () => ({ body: plan }),
    '/plans/7/periods': () => ({ body: { items: [] } }),
  });
  return renderApp('/plans/7/edit');
}

async function statusOptions() {
  const form = await screen.findByRole('form', { name: 'Plan details' });
  const select = within(form).getByLabelText('Status') as HTMLSelectElement;
  const enabled = [...select.options].filter((o) => !o.disabled).map((o) => o.value);
  return { select, enabled };
}

describe('the plan form offers only the statuses the server accepts from this user', () => {
  it('the shared rule (the server enforces the same function) names every approval act', () => {
    const acts: [PlanStatus | null, PlanStatus][] = [
      [null, 'approved'],
      [null, 'implementing'],
      ['draft', 'approved'],
      ['draft', 'closed'],
      ['approved', 'implementing'],
      ['approved', 'draft'],
      ['implementing', 'draft'],
    ];
    const edits: [PlanStatus | null, PlanStatus][] = [
      [null, 'draft'],
      ['draft', 'draft'],
      ['implementing', 'closed'],
      ['closed', 'implementing'],
      ['approved', 'approved'],
    ];
    for (const [from, to] of acts) expect(changesApproval(from, to), `${from} → ${to}`).toBe(true);
    for (const [from, to] of edits) expect(changesApproval(from, to), `${from} → ${to}`).toBe(false);
  });

  it('a focal point keeps a draft a draft: the approval statuses are disabled and explained', async () => {
    editPage(me('focal_point'), 'draft');
    const { select, enabled } = await statusOptions();
    expect(enabled).toEqual(['draft']);
    expect(select.value).toBe('draft');
    const help = document.getElementById(select.getAttribute('aria-describedby') ?? '');
    expect(help?.textContent).toMatch(/validator of JOR or an administrator/);
  });

  it('a focal point may move an implementing plan to closed, not back to draft or approved', async () => {
    editPage(me('focal_point'), 'implementing');
    expect((await statusOptions()).enabled).toEqual(['implementing', 'closed']);
  });

  it('a focal point cannot leave "approved"', async () => {
    editPage(me('focal_point'), 'approved');
    expect((await statusOptions()).enabled).toEqual(['approved']);
  });

  it('an administrator may choose every status, with no explanation', async () => {
    editPage(me('admin'), 'draft');
    const { select, enabled } = await statusOptions();
    expect(enabled).toEqual([...PLAN_STATUSES]);
    expect(select.getAttribute('aria-describedby')).toBeNull();
  });

  it('a new plan by a focal point can only start as a draft', async () => {
    mockApi({
      '/auth/me': () => ({ body: me('focal_point') }),
      '/notifications': () => ({ body: { items: [], unread: 0 } }),
    });
    renderApp('/countries/JOR/plan/new');
    const form = await screen.findByRole('form', { name: 'New plan' });
    const select = within(form).getByLabelText('Status') as HTMLSelectElement;
    await waitFor(() => expect(select.options[1]?.disabled).toBe(true));
    expect([...select.options].filter((o) => !o.disabled).map((o) => o.value)).toEqual(['draft']);
  });
});

describe('the Export menu in the interface language', () => {
  it('labels its entries in French and asks for the reports in French (lang=fr)', async () => {
    render(
      <Providers queryClient={createQueryClient({ retry: false })} language={{ locale: 'fr', catalog: fr }}>
        <ExportMenu
          filters={{ countries: ['JOR'] }}
          countryReport={{ iso3: 'JOR', plan: 7 }}
          comparisonReport={{ groupType: 'who_region', group: 'EMR', case: 'JOR' }}
        />
      </Providers>,
    );
    expect(screen.getByRole('button', { name: /Exporter/ })).toBeTruthy();
    const items = screen.getAllByRole('menuitem', { hidden: true }) as HTMLAnchorElement[];
    const byLabel = (re: RegExp) => items.find((a) => re.test(a.textContent ?? ''));
    const country = new URL(byLabel(/Rapport de suivi/)?.href ?? '', 'http://x');
    expect(country.pathname).toBe('/api/reports/country/JOR');
    expect(country.searchParams.get('lang')).toBe('fr');
    expect(country.searchParams.get('plan')).toBe('7');
    for (const a of items.filter((x) => /Rapport de comparaison/.test(x.textContent ?? '')))
      expect(new URL(a.href, 'http://x').searchParams.get('lang')).toBe('fr');
    expect(items.filter((a) => /Rapport de comparaison/.test(a.textContent ?? ''))).toHaveLength(2);
    // Data files keep their machine-readable (English) columns: no language on them.
    const csv = new URL(byLabel(/CSV/)?.href ?? '', 'http://x');
    expect(csv.searchParams.has('lang')).toBe(false);
    expect(byLabel(/CSV/)?.textContent).toMatch(/Une ligne par pays, indicateur et période/);
  });
});
