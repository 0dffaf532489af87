import { act, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fr } from '../../client/i18n/locales/fr';
import { setOfflineStatus, setUpdateHandler } from '../../client/lib/offline/status';
import { mockApi } from './support/mock-api';
import { FIRST_LOAD, renderApp } from './support/render-app';

vi.mock('react-chartjs-2', () => import('./support/chart-mock'));

afterEach(() => {
  act(() => {
    setOfflineStatus({ offline: false, syncedAt: null, waiting: 0, needsSignIn: false });
    setUpdateHandler(null);
  });
});

describe('the bar under the header', () => {
  it('says offline with the time of the last sync, counts what waits, and asks to sign in again', async () => {
    mockApi({ '/countries': () => ({ body: { items: [] } }) });
    const { queryClient } = renderApp('/countries');
    await screen.findByRole('heading', { level: 1 }, FIRST_LOAD);
    // Every answer has come (an answer says the server is reachable and would clear "offline").
    await waitFor(() => expect(queryClient.isFetching()).toBe(0));
    expect(screen.queryByTestId('offline-bar')).toBeNull();
    act(() => setOfflineStatus({ offline: true, syncedAt: '2026-12-04T09:05:00.000Z', waiting: 2 }));
    const bar = await screen.findByTestId('offline-bar');
    expect(bar.textContent).toMatch(
      /^Offline — showing what was last synced at Dec 4, 2026, \d{1,2}:05 [AP]M\./,
    );
    expect(bar.textContent).toContain('2 values waiting to be sent.');
    act(() => setOfflineStatus({ offline: false, syncedAt: null, needsSignIn: true }));
    expect(bar.textContent).toContain('Your session has ended: sign in again to send the values that wait.');
    expect(bar.querySelector('a')?.getAttribute('href')).toBe('/sign-in');
  });

  it('offers the reload of a new version, in the reader’s language, and runs the update on click', async () => {
    mockApi({ '/countries': () => ({ body: { items: [] } }) });
    const { user } = renderApp('/countries', { locale: 'fr', catalog: fr });
    const update = vi.fn();
    act(() => setUpdateHandler(update));
    await screen.findByText('Une nouvelle version de NAP Tracker est prête.', {}, FIRST_LOAD);
    await user.click(screen.getByRole('button', { name: 'Recharger' }));
    expect(update).toHaveBeenCalledTimes(1);
  });
});
