import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { allCountries, buildValue, errorEnvelope, i41, page } from './support/fixtures';
import { mockApi, requestedUrls } from './support/mock-api';
import { FIRST_LOAD, renderApp } from './support/render-app';

/** A fake /countries that filters like the server does. */
function countriesApi() {
  return mockApi({
    '/countries': (url) => {
      const q = url.searchParams.get('q')?.toLowerCase();
      const region = url.searchParams.get('whoRegion');
      const income = url.searchParams.get('incomeGroup');
      const items = allCountries.filter(
        (c) =>
          (!q || c.name.toLowerCase().includes(q) || c.iso3.toLowerCase().includes(q)) &&
          (!region || c.whoRegion === region) &&
          (!income || c.incomeGroup === income),
      );
      return { body: { items } };
    },
    '/values': () => ({
      body: page([buildValue('JOR', i41, 'B'), buildValue('FRA', i41, 'E')]),
    }),
  });
}

function dataRows() {
  const table = screen.getByRole('table');
  return within(table).getAllByRole('row').slice(1);
}

describe('Countries page', () => {
  it('lists countries with region, income group and links to their pages', async () => {
    countriesApi();
    renderApp('/countries');
    // While the page's chunk loads the layout says so; then the page's own loading state shows.
    expect((await screen.findByRole('status')).textContent).toMatch(/Loading/);
    expect(
      (await screen.findByText(/Loading countries/, undefined, FIRST_LOAD)).closest('[role="status"]'),
    ).not.toBeNull();
    const link = await screen.findByRole('link', { name: 'Jordan' });
    expect(link.getAttribute('href')).toBe('/countries/JOR');
    expect(dataRows()).toHaveLength(4);
    const jordanRow = link.closest('tr') as HTMLElement;
    expect(within(jordanRow).getByText('Eastern Mediterranean Region')).toBeTruthy();
    expect(within(jordanRow).getByText('Upper middle income')).toBeTruthy();
    await waitFor(() => expect(within(jordanRow).getByText('Answered')).toBeTruthy());
  });

  it('filters by WHO region and income group, keeping filters in the URL', async () => {
    const fetchMock = countriesApi();
    const { user, router } = renderApp('/countries');
    await screen.findByRole('link', { name: 'Jordan' });

    await user.selectOptions(screen.getByLabelText('WHO region'), 'EMR');
    await waitFor(() => expect(dataRows()).toHaveLength(2));
    expect(router.state.location.search).toBe('?whoRegion=EMR');

    await user.selectOptions(screen.getByLabelText('Income group'), 'LMC');
    await waitFor(() => expect(dataRows()).toHaveLength(1));
    expect(screen.getByRole('link', { name: 'Egypt' })).toBeTruthy();
    expect(router.state.location.search).toBe('?whoRegion=EMR&incomeGroup=LMC');

    const last = requestedUrls(fetchMock)
      .filter((u) => u.pathname === '/api/countries')
      .at(-1);
    expect(Object.fromEntries(last?.searchParams ?? [])).toEqual({ whoRegion: 'EMR', incomeGroup: 'LMC' });
  });

  it('searches by name after typing stops', async () => {
    countriesApi();
    const { user, router } = renderApp('/countries');
    await screen.findByRole('link', { name: 'Jordan' });
    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'jor');
    await waitFor(() => expect(dataRows()).toHaveLength(1));
    expect(screen.getByRole('link', { name: 'Jordan' })).toBeTruthy();
    expect(router.state.location.search).toBe('?q=jor');
  });

  it('reads the filters from a shared link', async () => {
    countriesApi();
    renderApp('/countries?whoRegion=EUR');
    await screen.findByRole('link', { name: 'France' });
    expect(dataRows()).toHaveLength(1);
    expect((screen.getByLabelText('WHO region') as HTMLSelectElement).value).toBe('EUR');
  });

  it('opens a link made with the old parameter names, and writes the new ones on the next change', async () => {
    countriesApi();
    const { user, router } = renderApp('/countries?region=EMR&income=LMC');
    await screen.findByRole('link', { name: 'Egypt' });
    expect(dataRows()).toHaveLength(1);
    expect((screen.getByLabelText('WHO region') as HTMLSelectElement).value).toBe('EMR');
    expect((screen.getByLabelText('Income group') as HTMLSelectElement).value).toBe('LMC');

    await user.selectOptions(screen.getByLabelText('Income group'), '');
    await waitFor(() => expect(dataRows()).toHaveLength(2));
    expect(router.state.location.search).toBe('?whoRegion=EMR');
  });

  it('prefers the API names when a link carries both', async () => {
    countriesApi();
    renderApp('/countries?whoRegion=EUR&region=EMR');
    await screen.findByRole('link', { name: 'France' });
    expect(dataRows()).toHaveLength(1);
  });

  it('says so when nothing matches', async () => {
    countriesApi();
    renderApp('/countries?q=zzz');
    expect(await screen.findByText('No country matches these filters.')).toBeTruthy();
  });

  it('says the server failed, in words, and retries', async () => {
    let fail = true;
    mockApi({
      '/countries': () =>
        fail
          ? { status: 500, body: errorEnvelope(500, 'Database unavailable') }
          : { body: { items: allCountries } },
      '/values': () => ({ body: page([]) }),
    });
    const { user } = renderApp('/countries');
    const alert = await screen.findByRole('alert');
    // A 5xx is said by its code in the reader's language (the server never sends internals).
    expect(alert.textContent).toContain('Something went wrong on the server');
    fail = false;
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('link', { name: 'Jordan' })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
