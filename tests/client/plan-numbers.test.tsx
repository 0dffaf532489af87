import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { amountOf, parseTargets, targetsText } from '../../client/features/plans/amounts';
import { formatAmount } from '../../client/features/plans/format';
import { fr } from '../../client/i18n/locales/fr';
import { MeSchema, type Plan } from '../../shared';
import { mockApi } from './support/mock-api';
import { buildPlan } from './support/plan-fixtures';
import { FIRST_LOAD, renderApp } from './support/render-app';

vi.mock('react-chartjs-2', () => import('./support/chart-mock'));

/* Baselines and targets are typed and shown as the interface language writes numbers. */

describe('amounts of the plan forms', () => {
  it('reads a baseline in French, a level, or nothing', () => {
    expect(amountOf('45,5', 'fr')).toEqual({ value: 45.5 });
    expect(amountOf('1 234', 'fr')).toEqual({ value: 1234 });
    expect(amountOf('c', 'fr')).toEqual({ level: 'C' });
    expect(amountOf(null, 'fr')).toBeNull();
    // Unreadable: NaN, so that the shared schema names the field.
    expect(amountOf('1.234', 'fr')?.value).toBeNaN();
  });

  it('reads targets whose decimal comma is not a separator between them', () => {
    expect(parseTargets('2022 : 60,5 ; 2024 : 70', 'fr')).toEqual([
      { year: 2022, value: 60.5 },
      { year: 2024, value: 70 },
    ]);
    // A comma still separates targets when a year follows it, as before.
    expect(parseTargets('2020: 40, 2022: 1,234.5', 'en')).toEqual([
      { year: 2020, value: 40 },
      { year: 2022, value: 1234.5 },
    ]);
    expect(parseTargets('٢٠٢٢: ٦٠٫٥؛ ٢٠٢٤: D', 'ar')).toEqual([
      { year: 2022, value: 60.5 },
      { year: 2024, level: 'D' },
    ]);
  });

  it('writes targets and amounts back in the language', () => {
    const targets = [
      { year: 2022, value: 60.5, level: null, illustrative: false },
      { year: 2024, value: null, level: 'D' as const, illustrative: false },
    ];
    expect(targetsText(targets, 'fr')).toBe('2022: 60,5; 2024: D');
    expect(parseTargets(targetsText(targets, 'es'), 'es')).toEqual([
      { year: 2022, value: 60.5 },
      { year: 2024, level: 'D' },
    ]);
    expect(formatAmount({ value: 1234.5, level: null }, '%', 'fr')).toBe('1\u202F234,5 %');
    expect(formatAmount({ value: 1234.5, level: null }, null, 'en')).toBe('1,234.5');
    expect(formatAmount({ value: null, level: null, text: 'Decree signed' }, null, 'fr')).toBe(
      'Decree signed',
    );
  });
});

describe('the indicator form in French', () => {
  const sent: unknown[] = [];
  beforeEach(() => {
    sent.length = 0;
    const plan: Plan = buildPlan();
    mockApi({
      '/auth/me': () => ({
        body: MeSchema.parse({
          id: 3,
          email: 'focal@example.org',
          displayName: 'Focal',
          demo: false,
          roles: [{ role: 'focal_point', country: 'JOR', sectors: [] }],
          via: 'session',
          scope: 'write',
          csrfToken: 'csrf-1',
        }),
      }),
      '/notifications': () => ({ body: { items: [], unread: 0 } }),
      '/plans/7': () => ({ body: plan }),
      '/plans/7/periods': () => ({ body: { items: [] } }),
      '/plans/7/indicators': (_url, init) => {
        sent.push(JSON.parse(String(init?.body)));
        return { status: 201, body: plan };
      },
    });
  });
  const newIndicatorForm = async () =>
    within(await screen.findByRole('form', { name: fr['indicatorForm.new'] }, FIRST_LOAD));

  it('sends a baseline and targets typed with decimal commas as numbers', async () => {
    const { user } = renderApp('/plans/7/edit', { locale: 'fr', catalog: fr });
    const form = await newIndicatorForm();
    await user.type(form.getByLabelText('Code'), 'N-1');
    await user.type(form.getByLabelText('Nom'), 'Part des hôpitaux');
    await user.type(form.getByLabelText(fr['indicatorForm.baseline']), '45,5');
    await user.type(form.getByLabelText(fr['indicatorForm.baselineYear']), '2020');
    await user.type(form.getByLabelText(fr['indicatorForm.targets']), '2022 : 60,5 ; 2024 : 70');
    await user.click(form.getByRole('button', { name: fr['indicatorForm.add'] }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({
      indicator: { kind: 'national', code: 'N-1', measureType: 'percentage' },
      baseline: { year: 2020, value: 45.5 },
      targets: [
        { year: 2022, value: 60.5 },
        { year: 2024, value: 70 },
      ],
    });
  });

  it('offers counts and text milestones; a text milestone takes a worded target, no numbers', async () => {
    const { user } = renderApp('/plans/7/edit', { locale: 'fr', catalog: fr });
    const form = await newIndicatorForm();
    const measure = form.getByLabelText(fr['indicatorForm.measure']) as HTMLSelectElement;
    expect([...measure.options].map((o) => o.textContent)).toContain(fr['measure.count']);
    await user.selectOptions(measure, 'text');
    expect(form.queryByLabelText(fr['indicatorForm.baseline'])).toBeNull();
    expect(form.queryByLabelText(fr['indicatorForm.targets'])).toBeNull();
    await user.type(form.getByLabelText('Code'), 'T-1');
    await user.type(form.getByLabelText('Nom'), 'Décret de surveillance');
    await user.type(form.getByLabelText(fr['indicatorForm.targetText']), 'Décret en vigueur en 2024');
    await user.click(form.getByRole('button', { name: fr['indicatorForm.add'] }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({
      indicator: { code: 'T-1', measureType: 'text' },
      targetText: 'Décret en vigueur en 2024',
    });
    expect(sent[0]).not.toHaveProperty('targets');
    expect(sent[0]).not.toHaveProperty('baseline');
  });
});
