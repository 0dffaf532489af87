import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { type ApiToken, ApiTokenSchema, type Me, MeSchema, type User, UserSchema } from '../../shared';
import { allCountries, jordan, page } from './support/fixtures';
import { mockApi } from './support/mock-api';
import { renderApp } from './support/render-app';

vi.mock('react-chartjs-2', () => import('./support/chart-mock'));

/** What GET /api/auth/me answers when nobody is signed in. */
const nobody = { status: 204, body: null };
const unauthorized = {
  status: 401,
  body: { error: 'Unauthorized', message: 'authentication: sign in', statusCode: 401, requestId: 'r' },
};

function buildMe(overrides: Partial<Me> = {}): Me {
  return MeSchema.parse({
    id: 3,
    email: 'focal.jordan@demo.example.org',
    displayName: 'Demo focal point, Jordan',
    demo: true,
    roles: [{ role: 'focal_point', country: 'JOR', sectors: [] }],
    via: 'session',
    scope: 'write',
    csrfToken: 'csrf-123',
    ...overrides,
  });
}
const adminMe = buildMe({
  id: 1,
  email: 'admin@x.org',
  displayName: 'Ada Admin',
  demo: false,
  roles: [{ role: 'admin', country: null, sectors: [] }],
});

const homeRoutes = {
  '/countries': () => ({ body: { items: allCountries } }),
  '/countries/JOR': () => ({ body: jordan }),
  '/values': () => ({ body: page([]) }),
};

const viewer: User = UserSchema.parse({
  id: 7,
  email: 'viewer@x.org',
  displayName: 'Vera Viewer',
  active: true,
  demo: false,
  roles: [{ role: 'viewer', country: 'JOR', sectors: [] }],
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
});

describe('navigation by role', () => {
  it('a Jordan focal point sees their name, roles, API tokens and sign-out, but no user administration', async () => {
    mockApi({ ...homeRoutes, '/auth/me': () => ({ body: buildMe() }) });
    renderApp('/');
    const account = screen.getByRole('navigation', { name: 'Account' });
    expect(await within(account).findByText(/Demo focal point, Jordan/)).toBeTruthy();
    expect(within(account).getByText(/Focal point, JOR/)).toBeTruthy();
    expect(within(account).getByText(/demo account/)).toBeTruthy();
    expect(within(account).getByRole('link', { name: 'API tokens' })).toBeTruthy();
    expect(within(account).queryByRole('link', { name: 'Users' })).toBeNull();
    expect(within(account).getByRole('button', { name: 'Sign out' })).toBeTruthy();
  });

  it('an administrator also sees Users; an anonymous visitor sees Sign in', async () => {
    mockApi({ ...homeRoutes, '/auth/me': () => ({ body: adminMe }) });
    const first = renderApp('/');
    expect(await screen.findByRole('link', { name: 'Users' })).toBeTruthy();
    first.unmount();
    mockApi({ ...homeRoutes, '/auth/me': () => nobody });
    renderApp('/');
    const account = screen.getByRole('navigation', { name: 'Account' });
    expect(await within(account).findByRole('link', { name: 'Sign in' })).toBeTruthy();
    expect(within(account).queryByRole('link', { name: 'API tokens' })).toBeNull();
  });
});

describe('sign-in', () => {
  it('a protected page sends an anonymous visitor to sign in, and back there afterwards', async () => {
    let signedIn = false;
    const fetchMock = mockApi({
      '/auth/me': () => (signedIn ? { body: adminMe } : nobody),
      '/auth/sign-in': (_url, init) => {
        const body = JSON.parse(String(init?.body));
        if (body.password !== 'right password here') {
          return { status: 401, body: { ...unauthorized.body, message: 'email or password: incorrect' } };
        }
        signedIn = true;
        return { body: adminMe };
      },
      '/users': () => (signedIn ? { body: { items: [viewer] } } : unauthorized),
    });
    const { user, router } = renderApp('/admin/users');
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeTruthy();
    expect(router.state.location.search).toBe('?next=%2Fadmin%2Fusers');

    await user.type(screen.getByLabelText('Email'), 'admin@x.org');
    await user.type(screen.getByLabelText('Password'), 'wrong');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect((await screen.findByRole('alert')).textContent).toContain('email or password: incorrect');

    await user.clear(screen.getByLabelText('Password'));
    await user.type(screen.getByLabelText('Password'), 'right password here');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('heading', { name: 'Users' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/admin/users');
    expect(await screen.findByRole('rowheader', { name: /Vera Viewer/ })).toBeTruthy();
    const signInCall = fetchMock.mock.calls.find(([u]) => String(u).endsWith('/auth/sign-in'));
    expect(signInCall?.[1]?.method).toBe('POST');
  });

  it('never follows a next address to another site', async () => {
    mockApi({ ...homeRoutes, '/auth/me': () => nobody, '/auth/sign-in': () => ({ body: buildMe() }) });
    const { user, router } = renderApp('/sign-in?next=//evil.example/x');
    await user.type(await screen.findByLabelText('Email'), 'focal.jordan@demo.example.org');
    await user.type(screen.getByLabelText('Password'), 'demo-focal-jordan-password');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await screen.findByRole('heading', { level: 1, name: 'NAP Tracker' });
    expect(router.state.location.pathname).toBe('/');
  });
});

describe('API tokens page', () => {
  it('creates a token shown once, sends the CSRF header, lists and revokes', async () => {
    const tokens = [
      {
        id: 1,
        name: 'dhis2 sync',
        prefix: 'nap_abcdefgh',
        scope: 'read',
        createdAt: '2025-01-01T00:00:00.000Z',
        createdBy: { id: 3, displayName: 'Demo focal point, Jordan' },
        lastUsedAt: null,
        revokedAt: null,
      },
    ];
    const fetchMock = mockApi({
      '/auth/me': () => ({ body: buildMe() }),
      '/tokens': (_url, init) => {
        if (init?.method === 'POST') {
          const body = JSON.parse(String(init.body));
          const t = {
            id: 2,
            name: body.name,
            prefix: 'nap_secretpre',
            scope: body.scope,
            createdAt: '2025-02-01T00:00:00.000Z',
            createdBy: { id: 3, displayName: 'Demo focal point, Jordan' },
            lastUsedAt: null,
            revokedAt: null,
          };
          tokens.push(t);
          return { status: 201, body: { ...t, token: 'nap_secretprefix-and-the-rest' } };
        }
        return { body: { items: tokens } };
      },
      '/tokens/1': () => {
        tokens[0] = { ...(tokens[0] as (typeof tokens)[0]), revokedAt: '2025-03-01T00:00:00.000Z' } as never;
        return { status: 204, body: null };
      },
    });
    const { user } = renderApp('/account/tokens');
    expect(await screen.findByRole('rowheader', { name: 'dhis2 sync' })).toBeTruthy();
    await user.type(screen.getByLabelText('Name'), 'reporting');
    await user.selectOptions(screen.getByLabelText('Scope'), 'write');
    await user.click(screen.getByRole('button', { name: 'Create token' }));
    expect((await screen.findByTestId('new-token')).textContent).toContain('nap_secretprefix-and-the-rest');
    const post = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST');
    const headers = (post?.[1]?.headers ?? {}) as Record<string, string>;
    expect(headers['x-csrf-token']).toBe('csrf-123');
    expect(JSON.parse(String(post?.[1]?.body))).toEqual({ name: 'reporting', scope: 'write' });

    await user.click(screen.getByRole('button', { name: 'Revoke dhis2 sync' }));
    expect(await screen.findByText(/^Revoked/)).toBeTruthy();
    const del = fetchMock.mock.calls.find(([, init]) => init?.method === 'DELETE');
    expect(String(del?.[0])).toBe('/api/tokens/1');
  });
});

describe('user administration', () => {
  it('creates an account with a role and country, and deactivates one', async () => {
    const users: User[] = [viewer];
    const fetchMock = mockApi({
      '/auth/me': () => ({ body: adminMe }),
      '/users': (_url, init) => {
        if (init?.method === 'POST') {
          const body = JSON.parse(String(init.body));
          const created = UserSchema.parse({
            ...viewer,
            id: 8,
            email: body.email,
            displayName: body.displayName,
            roles: body.roles,
          });
          users.push(created);
          return { status: 201, body: created };
        }
        return { body: { items: users } };
      },
      '/users/7': (_url, init) => {
        users[0] = { ...viewer, ...JSON.parse(String(init?.body)) };
        return { body: users[0] };
      },
    });
    const { user } = renderApp('/admin/users');
    const form = await screen.findByRole('form', { name: 'New account' });
    await user.type(within(form).getByLabelText('Email'), 'new.focal@moh.example');
    await user.type(within(form).getByLabelText('Name'), 'Nadia Focal');
    await user.type(within(form).getByLabelText('Initial password'), 'a good long password');
    await user.selectOptions(within(form).getByLabelText('Role'), 'focal_point');
    await user.type(within(form).getByLabelText('Country (ISO3)'), 'jor');
    await user.click(within(form).getByRole('button', { name: 'Create account' }));
    expect(await screen.findByText('Account new.focal@moh.example created.')).toBeTruthy();
    const post = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST');
    expect(JSON.parse(String(post?.[1]?.body))).toMatchObject({
      email: 'new.focal@moh.example',
      roles: [{ role: 'focal_point', country: 'JOR', sectors: [] }],
    });
    expect(await screen.findByRole('rowheader', { name: /Nadia Focal/ })).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Deactivate Vera Viewer' }));
    expect(await screen.findByRole('button', { name: 'Reactivate Vera Viewer' })).toBeTruthy();
    const patch = fetchMock.mock.calls.find(([, init]) => init?.method === 'PATCH');
    expect(JSON.parse(String(patch?.[1]?.body))).toEqual({ active: false });
  });

  it("manages another account's API tokens: create (shown once), list, revoke", async () => {
    const tokens: ApiToken[] = [];
    const fetchMock = mockApi({
      '/auth/me': () => ({ body: adminMe }),
      '/users': () => ({ body: { items: [viewer] } }),
      '/users/7/tokens': (_url, init) => {
        if (init?.method === 'POST') {
          const body = JSON.parse(String(init.body));
          const t = ApiTokenSchema.parse({
            id: 11,
            name: body.name,
            prefix: 'nap_vvvvvvvv',
            scope: body.scope,
            createdAt: '2025-02-01T00:00:00.000Z',
            createdBy: { id: 1, displayName: 'Ada Admin' },
            lastUsedAt: null,
            revokedAt: null,
          });
          tokens.push(t);
          return { status: 201, body: { ...t, token: 'nap_vvvvvvvv-the-secret' } };
        }
        return { body: { items: tokens } };
      },
      '/users/7/tokens/11': () => {
        tokens[0] = { ...(tokens[0] as ApiToken), revokedAt: '2025-03-01T00:00:00.000Z' };
        return { status: 204, body: null };
      },
    });
    const { user } = renderApp('/admin/users');
    await user.click(await screen.findByText('API tokens of Vera Viewer'));
    expect(await screen.findByText('No API token.')).toBeTruthy();
    const form = screen.getByRole('form', { name: 'New API token for Vera Viewer' });
    await user.type(within(form).getByLabelText('Name'), 'vera sync');
    await user.click(within(form).getByRole('button', { name: 'Create token' }));
    expect((await screen.findByTestId('new-token')).textContent).toBe('nap_vvvvvvvv-the-secret');
    const post = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST');
    expect(String(post?.[0])).toBe('/api/users/7/tokens');
    expect(((post?.[1]?.headers ?? {}) as Record<string, string>)['x-csrf-token']).toBe('csrf-123');
    expect(JSON.parse(String(post?.[1]?.body))).toEqual({ name: 'vera sync', scope: 'read' });
    const table = await screen.findByRole('table', { name: 'API tokens of Vera Viewer' });
    expect(within(table).getByRole('rowheader', { name: 'vera sync' })).toBeTruthy();
    expect(within(table).getByText('by Ada Admin')).toBeTruthy();

    await user.click(within(table).getByRole('button', { name: 'Revoke vera sync' }));
    expect(await within(table).findByText(/^Revoked/)).toBeTruthy();
    const del = fetchMock.mock.calls.find(([, init]) => init?.method === 'DELETE');
    expect(String(del?.[0])).toBe('/api/users/7/tokens/11');
  });

  it('tells a signed-in non-administrator the page is for administrators', async () => {
    mockApi({ '/auth/me': () => ({ body: buildMe() }) });
    renderApp('/admin/users');
    expect(await screen.findByText('Administrators only')).toBeTruthy();
  });
});
