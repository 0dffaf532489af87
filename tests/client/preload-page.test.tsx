import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { preloadPage } from '../../client/app/routes';
import { en } from '../../client/i18n/locales/en';
import { allCountries } from './support/fixtures';
import { mockApi } from './support/mock-api';
import { renderApp } from './support/render-app';

// client/main.tsx waits for the page's code before the first render (client/early.ts has asked for it):
// the first render is then the page, not the layout with a loading state and the page a render later.
describe('preloadPage: the code of the page at an address, before the first render', () => {
  it('renders the page in the first render once its code is preloaded', async () => {
    mockApi({ '/countries': () => ({ body: { items: allCountries } }) });
    await preloadPage('/countries');
    renderApp('/countries');
    // Synchronously after the first render: the page's heading, not the layout's loading state.
    expect(screen.getByRole('heading', { level: 1, name: en['countries.title'] })).toBeTruthy();
    expect(screen.queryByText(en['common.loading'])).toBeNull();
  });

  it('without it, the layout shows a loading state until the code is in', async () => {
    mockApi({ '/countries': () => ({ body: { items: allCountries } }) });
    renderApp('/groups');
    expect(screen.getByText(en['common.loading'])).toBeTruthy();
    expect(await screen.findByRole('heading', { level: 1 })).toBeTruthy();
  });

  it('resolves for an address with no page to load (home, not found)', async () => {
    await expect(preloadPage('/')).resolves.toBeUndefined();
    await expect(preloadPage('/no/such/page')).resolves.toBeUndefined();
  });
});
