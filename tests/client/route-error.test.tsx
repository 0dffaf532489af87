import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Link, MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RouteErrorBoundary } from '../../client/app/route-error';
import { I18nProvider } from '../../client/i18n/context';
import { en } from '../../client/i18n/locales/en';

function Broken(): never {
  throw new Error('Failed to fetch dynamically imported module: /assets/country-old.js');
}

function renderAt(path: string) {
  return render(
    <I18nProvider initial={{ locale: 'en', catalog: en }}>
      <MemoryRouter initialEntries={[path]}>
        <RouteErrorBoundary>
          <input aria-label="kept" />
          <Routes>
            <Route path="/broken" element={<Broken />} />
            <Route
              path="/"
              element={
                <p>
                  home <Link to="/broken">break</Link> <Link to="/other">other</Link>
                </p>
              }
            />
            <Route
              path="/other"
              element={
                <p>
                  other <Link to="/">back home</Link>
                </p>
              }
            />
          </Routes>
        </RouteErrorBoundary>
      </MemoryRouter>
    </I18nProvider>,
  );
}

describe('the pages’ error boundary', () => {
  afterEach(() => vi.restoreAllMocks());

  it('keeps what is around the pages when the address changes (nothing mounted afresh)', async () => {
    const user = userEvent.setup();
    renderAt('/');
    const kept = screen.getByRole('textbox', { name: 'kept' }) as HTMLInputElement;
    await user.type(kept, 'typed');
    await user.click(screen.getByRole('link', { name: 'other' }));
    expect(await screen.findByText(/other/)).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'kept' })).toBe(kept);
    expect(kept.value).toBe('typed');
  });

  it('shows what failed, a reload button and the way home, and renders the pages again elsewhere', async () => {
    // React logs the error it caught; the test reads the page instead.
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const user = userEvent.setup();
    renderAt('/broken');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Something went wrong on this page');
    expect(alert.textContent).toContain('Failed to fetch dynamically imported module');
    expect(screen.getByRole('button', { name: 'Reload the page' })).toBeTruthy();
    await user.click(screen.getByRole('link', { name: 'Go to the home page' }));
    expect(await screen.findByText(/home/)).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    // And a page that fails after a working one is caught again.
    await user.click(screen.getByRole('link', { name: 'break' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Something went wrong on this page');
  });
});
