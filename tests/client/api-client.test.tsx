import { describe, expect, it } from 'vitest';
import { ApiError, apiGet, apiSend, buildUrl, noContent } from '../../client/lib/api-client';
import { CountrySchema } from '../../shared';
import { errorEnvelope, jordan } from './support/fixtures';
import { mockApi } from './support/mock-api';

describe('apiGet', () => {
  it('returns the parsed body', async () => {
    mockApi({ '/countries/JOR': () => ({ body: jordan }) });
    await expect(apiGet('/countries/JOR', CountrySchema)).resolves.toEqual(jordan);
  });

  it("throws an ApiError with the envelope's message", async () => {
    mockApi({ '/countries/XXX': () => ({ status: 404, body: errorEnvelope(404, 'Country XXX not found') }) });
    const error = await apiGet('/countries/XXX', CountrySchema).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      message: 'Country XXX not found',
      statusCode: 404,
      requestId: 'req-test-1',
    });
    expect((error as ApiError).isClientError).toBe(true);
  });

  it('rejects a body that does not match the schema', async () => {
    mockApi({ '/countries/JOR': () => ({ body: { iso3: 'JOR' } }) });
    await expect(apiGet('/countries/JOR', CountrySchema)).rejects.toMatchObject({
      error: 'Invalid Response',
    });
  });

  it('validates with a lazily imported schema too: parsed data, or Invalid Response', async () => {
    const schema = () => import('../../shared/domain/country').then((m) => m.CountrySchema);
    mockApi({ '/countries/JOR': () => ({ body: jordan }) });
    await expect(apiGet('/countries/JOR', schema)).resolves.toEqual(jordan);
    mockApi({ '/countries/JOR': () => ({ body: { iso3: 'JOR' } }) });
    await expect(apiGet('/countries/JOR', schema)).rejects.toMatchObject({ error: 'Invalid Response' });
  });

  it('answers null for a 204 with noContent, and rejects a body there', async () => {
    mockApi({ '/auth/sign-out': () => ({ status: 204, body: null }) });
    await expect(apiSend('POST', '/auth/sign-out', noContent)).resolves.toBeNull();
    mockApi({ '/auth/sign-out': () => ({ body: { ok: true } }) });
    await expect(apiSend('POST', '/auth/sign-out', noContent)).rejects.toMatchObject({
      error: 'Invalid Response',
    });
  });

  it('turns a non-envelope failure into an ApiError', async () => {
    mockApi({ '/countries/JOR': () => ({ status: 502, body: 'Bad gateway' }) });
    await expect(apiGet('/countries/JOR', CountrySchema)).rejects.toMatchObject({ statusCode: 502 });
  });
});

describe('buildUrl', () => {
  it('drops empty parameters', () => {
    expect(buildUrl('/countries', { q: '', whoRegion: 'EMR', incomeGroup: undefined, limit: 10 })).toBe(
      '/api/countries?whoRegion=EMR&limit=10',
    );
  });
});
