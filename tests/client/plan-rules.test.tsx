import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fr } from '../../client/i18n/locales/fr';
import { MeSchema, type Plan } from '../../shared';
import { mockApi } from './support/mock-api';
import { buildPlan } from './support/plan-fixtures';
import { FIRST_LOAD, renderApp } from './support/render-app';

vi.mock('react-chartjs-2', () => import('./support/chart-mock'));

/* Validation rules set in the plan's indicator form. */
describe('the indicator form’s validation rules, in French', () => {
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

  it('sends min, max and the jump threshold typed with decimal commas', async () => {
    const { user } = renderApp('/plans/7/edit', { locale: 'fr', catalog: fr });
    const form = await newIndicatorForm();
    await user.type(form.getByLabelText('Code'), 'N-2');
    await user.type(form.getByLabelText('Nom'), 'Part des laboratoires');
    await user.type(form.getByLabelText(fr['indicatorForm.ruleMin']), '10');
    await user.type(form.getByLabelText(fr['indicatorForm.ruleMax']), '90,5');
    await user.type(form.getByLabelText(fr['indicatorForm.ruleJump']), '50');
    await user.click(form.getByRole('button', { name: fr['indicatorForm.add'] }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({
      indicator: { kind: 'national', code: 'N-2', measureType: 'percentage' },
      rules: { min: 10, max: 90.5, jumpPercent: 50 },
    });
  });

  it('names a maximum outside the type’s bounds, and sends nothing', async () => {
    const { user } = renderApp('/plans/7/edit', { locale: 'fr', catalog: fr });
    const form = await newIndicatorForm();
    await user.type(form.getByLabelText('Code'), 'N-3');
    await user.type(form.getByLabelText('Nom'), 'Part des hôpitaux');
    await user.type(form.getByLabelText(fr['indicatorForm.ruleMax']), '140');
    await user.click(form.getByRole('button', { name: fr['indicatorForm.add'] }));
    expect((await form.findByRole('alert')).textContent).toBe(
      'Maximum : Saisissez un nombre inférieur ou égal à 100',
    );
    expect(sent).toEqual([]);
  });

  it('offers no rules for a text milestone or a level, and sends none when left empty', async () => {
    const { user } = renderApp('/plans/7/edit', { locale: 'fr', catalog: fr });
    const form = await newIndicatorForm();
    const measure = form.getByLabelText(fr['indicatorForm.measure']);
    await user.selectOptions(measure, 'level');
    expect(form.queryByLabelText(fr['indicatorForm.ruleMin'])).toBeNull();
    await user.selectOptions(measure, 'count');
    expect(form.getByRole('group', { name: fr['indicatorForm.rules'] })).toBeTruthy();
    await user.type(form.getByLabelText('Code'), 'C-1');
    await user.type(form.getByLabelText('Nom'), 'Laboratoires');
    await user.click(form.getByRole('button', { name: fr['indicatorForm.add'] }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).not.toHaveProperty('rules');
  });
});
