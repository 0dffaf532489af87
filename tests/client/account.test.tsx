import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type Me, MeSchema, type User, UserSchema } from '../../shared';
import { allCountries, jordan, page } from './support/fixtures';
import { mockApi } from './support/mock-api';
import { renderApp } from './support/render-app';

vi.mock('react-chartjs-2', () => import('./support/chart-mock'));
afterEach(() => {
  window.location.hash = '';
});

const focal: Me = MeSchema.parse({
  id: 3,
  email: 'focal@x.org',
  displayName: 'Farah Focal',
  demo: false,
  roles: [{ role: 'focal_point', country: 'JOR', sectors: [] }],
  via: 'session',
  scope: 'write',
  csrfToken: 'csrf-1',
});
const admin: Me = MeSchema.parse({
  ...focal,
  id: 1,
  displayName: 'Ada Admin',
  roles: [{ role: 'admin', country: null }],
});
const homeRoutes = {
  '/countries': () => ({ body: { items: allCountries } }),
  '/countries/JOR': () => ({ body: jordan }),
  '/values': () => ({ body: page([]) }),
};
/** The server's envelope: a message naming a field comes with that field's issue and code. */
const envelope = (message: string, statusCode = 400, code?: string) => {
  const [path = '', text = ''] = message.split(': ');
  return {
    status: statusCode,
    body: {
      error: 'Bad Request',
      message,
      statusCode,
      requestId: 'r',
      ...(code ? { issues: [{ path, message: text, code }] } : {}),
    },
  };
};
const dueItem = (state: string) => ({
  entered: 0,
  expected: 4,
  countryIso3: 'JOR',
  countryName: 'Jordan',
  planId: 1,
  planTitle: 'National Action Plan',
  periodId: 9,
  periodCode: '2026',
  dueDate: '2026-03-31',
  state,
});

describe('your account', () => {
  it('the name in the header leads to the account page', async () => {
    mockApi({ ...homeRoutes, '/auth/me': () => ({ body: focal }) });
    const { user, router } = renderApp('/');
    const nav = screen.getByRole('navigation', { name: 'Account' });
    await user.click(await within(nav).findByRole('link', { name: 'Farah Focal' }));
    expect(await screen.findByRole('heading', { name: 'Change your password' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/account');
  });

  it('checks the repeat before sending, then shows a wrong current password by its field', async () => {
    const fetchMock = mockApi({
      '/auth/me': () => ({ body: focal }),
      '/auth/password': () => envelope('currentPassword: incorrect', 400, 'incorrect'),
    });
    const { user } = renderApp('/account');
    await user.type(await screen.findByLabelText('Current password'), 'old one');
    await user.type(screen.getByLabelText('New password'), 'river basin lantern 2026');
    await user.type(screen.getByLabelText('Repeat the new password'), 'river basin lantern 2025');
    await user.click(screen.getByRole('button', { name: 'Change password' }));
    const repeat = screen.getByLabelText('Repeat the new password');
    expect(repeat.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('The two new passwords differ').id).toBe(repeat.getAttribute('aria-describedby'));
    expect(fetchMock.mock.calls.some(([u]) => String(u).endsWith('/auth/password'))).toBe(false);

    await user.clear(repeat);
    await user.type(repeat, 'river basin lantern 2026');
    await user.click(screen.getByRole('button', { name: 'Change password' }));
    const current = screen.getByLabelText('Current password');
    expect(await screen.findByText('This is not your current password')).toBeTruthy();
    expect(current.getAttribute('aria-invalid')).toBe('true');
    const call = fetchMock.mock.calls.find(([u]) => String(u).endsWith('/auth/password'));
    expect(JSON.parse(String(call?.[1]?.body))).toEqual({
      currentPassword: 'old one',
      newPassword: 'river basin lantern 2026',
    });
  });

  it('confirms a changed password', async () => {
    mockApi({ '/auth/me': () => ({ body: focal }), '/auth/password': () => ({ status: 204, body: null }) });
    const { user } = renderApp('/account');
    await user.type(await screen.findByLabelText('Current password'), 'old one');
    await user.type(screen.getByLabelText('New password'), 'river basin lantern 2026');
    await user.type(screen.getByLabelText('Repeat the new password'), 'river basin lantern 2026');
    await user.click(screen.getByRole('button', { name: 'Change password' }));
    expect((await screen.findByRole('status')).textContent).toMatch(/Your password was changed/);
  });
});

describe('the daily e-mail digest', () => {
  it('turns off with the checkbox, and says so', async () => {
    const fetchMock = mockApi({
      '/auth/me': () => ({ body: focal }),
      '/config': () => ({ body: { mail: true } }),
      '/auth/me/reminders': () => ({ status: 204, body: null }),
    });
    const { user } = renderApp('/account');
    const box = (await screen.findByRole('checkbox', {
      name: 'E-mail me a daily digest of what is due',
    })) as HTMLInputElement;
    expect(box.checked).toBe(true);
    expect(await screen.findByText(/At most one e-mail a day/)).toBeTruthy();
    await user.click(box);
    expect((await screen.findByRole('status')).textContent).toBe('You will no longer get the daily digest.');
    expect(box.checked).toBe(false);
    const call = fetchMock.mock.calls.find(([u]) => String(u).endsWith('/auth/me/reminders'));
    expect(call?.[1]?.method).toBe('PUT');
    expect(JSON.parse(String(call?.[1]?.body))).toEqual({ enabled: false });
  });

  it('notes when the server sends no e-mail, in the user’s language', async () => {
    mockApi({
      '/auth/me': () => ({ body: { ...focal, locale: 'fr', emailReminders: false } }),
      '/config': () => ({ body: { mail: false } }),
    });
    renderApp('/account');
    const box = (await screen.findByRole('checkbox', {
      name: 'M’envoyer chaque jour un récapitulatif de ce qui est à rendre',
    })) as HTMLInputElement;
    expect(box.checked).toBe(false);
    expect(box.getAttribute('aria-describedby')).toBeTruthy();
    const note = await screen.findByText(/Ce serveur n’envoie pas encore d’e-mails/);
    expect(note.id).toBe(box.getAttribute('aria-describedby'));
  });
});

describe('a one-time password link', () => {
  it('sends the secret from the fragment with the new password', async () => {
    const token = 'A'.repeat(43);
    window.location.hash = `#token=${token}`;
    const fetchMock = mockApi({
      '/auth/me': () => ({ status: 204, body: null }),
      '/auth/reset-password': () => ({ status: 204, body: null }),
    });
    const { user } = renderApp(`/reset-password#token=${token}`);
    await user.type(await screen.findByLabelText('New password'), 'river basin lantern 2026');
    await user.type(screen.getByLabelText('Repeat the new password'), 'river basin lantern 2026');
    await user.click(screen.getByRole('button', { name: 'Set password' }));
    expect(await screen.findByText('Your new password is set. Sign in with it.')).toBeTruthy();
    const call = fetchMock.mock.calls.find(([u]) => String(u).endsWith('/auth/reset-password'));
    expect(JSON.parse(String(call?.[1]?.body))).toEqual({ token, newPassword: 'river basin lantern 2026' });
  });

  it('says what to do when the link is spent or missing', async () => {
    mockApi({
      '/auth/me': () => ({ status: 204, body: null }),
      '/auth/reset-password': () => envelope('token: this link no longer works (used, expired …)'),
    });
    const first = renderApp(`/reset-password#token=${'B'.repeat(43)}`);
    await first.user.type(await screen.findByLabelText('New password'), 'river basin lantern 2026');
    await first.user.type(screen.getByLabelText('Repeat the new password'), 'river basin lantern 2026');
    await first.user.click(screen.getByRole('button', { name: 'Set password' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/Ask an administrator for a new one/);
    first.unmount();
    renderApp('/reset-password');
    expect((await screen.findByRole('alert')).textContent).toMatch(/link an administrator gave you/);
  });

  it('an administrator makes one and sees the whole address to pass on', async () => {
    const target: User = UserSchema.parse({
      id: 7,
      email: 'farah@x.org',
      displayName: 'Farah Focal',
      active: true,
      demo: false,
      roles: [{ role: 'focal_point', country: 'JOR', sectors: [] }],
      createdAt: '2025-01-01T00:00:00.000Z',
      updatedAt: '2025-01-01T00:00:00.000Z',
    });
    const fetchMock = mockApi({
      '/auth/me': () => ({ body: admin }),
      '/users': () => ({ body: { items: [target] } }),
      '/users/7/tokens': () => ({ body: { items: [] } }),
      '/users/7/reset-link': () => ({
        status: 201,
        body: {
          token: 'T'.repeat(43),
          path: `/reset-password#token=${'T'.repeat(43)}`,
          expiresAt: '2026-03-02T09:00:00.000Z',
        },
      }),
    });
    const { user } = renderApp('/admin/users');
    await user.click(
      await screen.findByRole('button', { name: 'Make a one-time password link for Farah Focal' }),
    );
    const link = (await screen.findByLabelText(/Link for Farah Focal, valid once until/)) as HTMLInputElement;
    expect(link.value).toBe(`${window.location.origin}/reset-password#token=${'T'.repeat(43)}`);
    const call = fetchMock.mock.calls.find(([u]) => String(u).endsWith('/users/7/reset-link'));
    expect(call?.[1]?.method).toBe('POST');
  });
});

describe('forgot your password?', () => {
  it('the sign-in page offers it when the server sends e-mail, and the request says the same for any address', async () => {
    const fetchMock = mockApi({
      '/auth/me': () => ({ status: 204, body: null }),
      '/config': () => ({ body: { mail: true } }),
      '/auth/forgot-password': () => ({ status: 204, body: null }),
    });
    const { user, router } = renderApp('/sign-in');
    await user.click(await screen.findByRole('link', { name: 'Forgot your password?' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/forgot-password'));
    // The sign-in page has an Email field too, and stays on screen until the new page has rendered.
    const send = await screen.findByRole('button', { name: 'Send the link' });
    await user.type(screen.getByLabelText('Email'), 'farah@x.org');
    await user.click(send);
    expect((await screen.findByRole('status')).textContent).toMatch(/If an account has this address/);
    const call = fetchMock.mock.calls.find(([u]) => String(u).endsWith('/auth/forgot-password'));
    expect(JSON.parse(String(call?.[1]?.body))).toEqual({ email: 'farah@x.org' });
  });

  it('is not offered when the server sends no e-mail', async () => {
    mockApi({
      '/auth/me': () => ({ status: 204, body: null }),
      '/config': () => ({ body: { mail: false } }),
    });
    renderApp('/sign-in');
    await screen.findByRole('button', { name: 'Sign in' });
    await waitFor(() => expect(screen.queryByText('Forgot your password?')).toBeNull());
    expect(screen.queryByRole('link', { name: 'Forgot your password?' })).toBeNull();
  });
});

describe('where sign-in lands', () => {
  async function signInWith(dueStates: string[], me: Me = focal) {
    let signedIn = false;
    mockApi({
      ...homeRoutes,
      '/auth/me': () => (signedIn ? { body: me } : { status: 204, body: null }),
      '/auth/sign-in': () => {
        signedIn = true;
        return { body: me };
      },
      '/due': () => ({ body: { items: dueStates.map(dueItem), completeness: [] } }),
      '/notifications': () => ({ body: { items: [], unread: 0 } }),
    });
    const r = renderApp('/sign-in');
    await r.user.type(await screen.findByLabelText('Email'), me.email);
    await r.user.type(screen.getByLabelText('Password'), 'river basin lantern 2026');
    await r.user.click(screen.getByRole('button', { name: 'Sign in' }));
    return r;
  }

  it('on "What is due" when a period waits for the focal point', async () => {
    const { router } = await signInWith(['overdue']);
    await waitFor(() => expect(router.state.location.pathname).toBe('/due'));
  });

  it('on home when nothing waits (a submitted period is the validator’s to act on)', async () => {
    const { router } = await signInWith(['submitted', 'approved']);
    await screen.findByRole('heading', { level: 1, name: 'NAP Tracker' });
    expect(router.state.location.pathname).toBe('/');
  });
});
