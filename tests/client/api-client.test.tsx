import { describe, expect, it, vi } from 'vitest';
import { ApiError, apiGet, apiSend, buildUrl, noContent } from '../../client/lib/api-client';
import { CountrySchema } from '../../shared';
import { SCHEMA_HEADER, SCHEMA_VERSION } from '../../shared/schema-version';
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

  it("takes an answer stamped with this build's schema version as it is, without loading the schema", async () => {
    // The test run is built with the version, as the client and the server are.
    expect(SCHEMA_VERSION).toMatch(/^\d+\.\d+\.\d+-[0-9a-f]{16}$/);
    const schema = vi.fn(() => import('../../shared/domain/country').then((m) => m.CountrySchema));
    mockApi({
      '/countries/JOR': () => ({ body: jordan, headers: { [SCHEMA_HEADER]: String(SCHEMA_VERSION) } }),
    });
    await expect(apiGet('/countries/JOR', schema)).resolves.toEqual(jordan);
    expect(schema).not.toHaveBeenCalled();
  });

  it('checks an answer of another version, or of none, with its own schema', async () => {
    const schema = vi.fn(() => import('../../shared/domain/country').then((m) => m.CountrySchema));
    const versions: Record<string, string>[] = [{ [SCHEMA_HEADER]: '4.0.0-0000000000000000' }, {}];
    for (const headers of versions) {
      mockApi({ '/countries/JOR': () => ({ body: { iso3: 'JOR' }, headers }) });
      await expect(apiGet('/countries/JOR', schema)).rejects.toMatchObject({ error: 'Invalid Response' });
      mockApi({ '/countries/JOR': () => ({ body: jordan, headers }) });
      await expect(apiGet('/countries/JOR', schema)).resolves.toEqual(jordan);
    }
    expect(schema).toHaveBeenCalledTimes(4);
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
