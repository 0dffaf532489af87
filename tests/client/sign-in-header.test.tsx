import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HeaderNotices } from '../../client/app/header-notices';
import { Providers } from '../../client/app/providers';
import { createQueryClient } from '../../client/app/query-client';
import { useSignIn } from '../../client/features/auth/api/sign-in';
import { useSignOut } from '../../client/features/auth/api/sign-out';
import { UserNav } from '../../client/features/auth/components/user-nav';
import { en } from '../../client/i18n/locales/en';
import { type Me, MeSchema, type Notification } from '../../shared';
import { mockApi, requestedUrls } from './support/mock-api';

const me = (id: number, displayName: string): Me =>
  MeSchema.parse({
    id,
    email: `user${id}@x.org`,
    displayName,
    demo: false,
    roles: [{ role: 'focal_point', country: 'JOR', sectors: [] }],
    via: 'session',
    scope: 'write',
    csrfToken: `csrf-${id}`,
  });
const notice = (id: number, message: string): Notification => ({
  id,
  kind: 'returned',
  periodId: 5,
  countryIso3: 'JOR',
  code: null,
  params: null,
  message,
  createdAt: '2026-01-01T10:00:00.000Z',
  readAt: null,
});
const list = (items: Notification[]) => ({
  body: { items, total: items.length, limit: 50, offset: 0, unread: items.length },
});

const unauthorized = {
  status: 401,
  body: { error: 'Unauthorized', message: 'authentication: sign in', statusCode: 401, requestId: 'r' },
};

/** Stands for the sign-in page: its own component, so its re-renders do not re-render the header. */
function Buttons() {
  const signIn = useSignIn();
  const signOut = useSignOut();
  return (
    <>
      <button type="button" onClick={() => signIn.mutate({ email: 'b@x.org', password: 'secret' })}>
        Test sign-in
      </button>
      <button type="button" onClick={() => signOut.mutate(null)}>
        Test sign-out
      </button>
    </>
  );
}

/** The header's account parts, on a route that never changes (no navigation). */
function Header() {
  return (
    <nav aria-label="Account">
      <UserNav />
      <HeaderNotices />
    </nav>
  );
}

function renderHeader() {
  const queryClient = createQueryClient({ retry: false });
  render(
    <Providers queryClient={queryClient} language={{ locale: 'en', catalog: en }}>
      <MemoryRouter initialEntries={['/somewhere']}>
        <Header />
        <Buttons />
      </MemoryRouter>
    </Providers>,
  );
  return { user: userEvent.setup(), queryClient };
}

afterEach(() => vi.unstubAllGlobals());

describe('the header after signing in or out, without navigating', () => {
  it('shows the signed-in user and their notices at once', async () => {
    mockApi({
      '/auth/me': () => ({ status: 204, body: null }),
      '/auth/sign-in': () => ({ body: me(2, 'Bea Focal') }),
      '/notifications': () => list([notice(1, 'JOR 2024 was returned')]),
    });
    const { user } = renderHeader();
    const account = screen.getByRole('navigation', { name: 'Account' });
    expect(await within(account).findByRole('link', { name: 'Sign in' })).toBeTruthy();
    expect(within(account).queryByRole('button', { name: /Notices/ })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Test sign-in' }));
    expect(await within(account).findByRole('link', { name: 'Bea Focal' })).toBeTruthy();
    expect(within(account).queryByRole('link', { name: 'Sign in' })).toBeNull();
    expect(await within(account).findByRole('button', { name: 'Notices (1 unread)' })).toBeTruthy();
  });

  it('drops the previous user’s cached data: the new user’s notices are fetched, the old ones never shown', async () => {
    let current = 'a';
    const fetchMock = mockApi({
      '/auth/me': () => ({ body: me(1, 'Al First') }),
      '/auth/sign-in': () => {
        current = 'b';
        return { body: me(2, 'Bea Focal') };
      },
      '/auth/sign-out': () => {
        current = 'nobody';
        return { body: null };
      },
      '/notifications': () => {
        if (current === 'nobody') return unauthorized;
        return current === 'a'
          ? list([notice(1, 'For Al'), notice(2, 'Also for Al')])
          : list([notice(3, 'For Bea')]);
      },
    });
    const { user, queryClient } = renderHeader();
    const account = screen.getByRole('navigation', { name: 'Account' });
    expect(await within(account).findByRole('button', { name: 'Notices (2 unread)' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Test sign-in' }));
    expect(await within(account).findByRole('link', { name: 'Bea Focal' })).toBeTruthy();
    expect(await within(account).findByRole('button', { name: 'Notices (1 unread)' })).toBeTruthy();
    const notices = requestedUrls(fetchMock).filter((u) => u.pathname === '/api/notifications');
    expect(notices).toHaveLength(2);
    expect(queryClient.getQueryData(['notifications'])).toMatchObject({ items: [{ message: 'For Bea' }] });

    await user.click(screen.getByRole('button', { name: 'Test sign-out' }));
    expect(await within(account).findByRole('link', { name: 'Sign in' })).toBeTruthy();
    await waitFor(() => expect(within(account).queryByRole('button', { name: /Notices/ })).toBeNull());
    expect(queryClient.getQueryData(['notifications'])).toBeUndefined();
  });
});
