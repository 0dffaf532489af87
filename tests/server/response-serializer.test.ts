import Fastify from 'fastify';
import { isResponseSerializationError, validatorCompiler } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { responseSerializerCompiler, runsOneWay } from '../../server/lib/response-serializer';
import { registerErrorHandling } from '../../server/plugins/errors';
import { HealthSchema } from '../../shared/api/common';
import { CompareResultSchema, HeatmapResultSchema } from '../../shared/api/compare';
import { EmailSchema } from '../../shared/domain/role';

const serializer = (schema: z.ZodType) =>
  responseSerializerCompiler({ schema, method: 'GET', url: '/api/x' });

describe('response serializer', () => {
  const Account = z.object({ id: z.number().int(), email: z.string() });

  it('writes only the keys the contract names', () => {
    const out = serializer(Account)({ id: 7, email: 'a@b.org', passwordHash: '$argon2id$secret' });
    expect(JSON.parse(out)).toEqual({ id: 7, email: 'a@b.org' });
    expect(out).not.toContain('argon2');
  });

  it('refuses an answer that breaks the contract, naming the route', () => {
    let caught: unknown;
    try {
      serializer(Account)({ id: 'seven', email: 'a@b.org' });
    } catch (err) {
      caught = err;
    }
    expect(isResponseSerializationError(caught)).toBe(true);
    expect((caught as { url: string }).url).toBe('/api/x');
    expect((caught as { cause: z.ZodError }).cause.issues[0]?.path).toEqual(['id']);
  });

  it('encodes schemas that run one way: a codec turns a Date back into its ISO text', () => {
    const isoDate = z.codec(z.iso.datetime(), z.date(), {
      decode: (s) => new Date(s),
      encode: (d) => d.toISOString(),
    });
    const Stamped = z.object({ at: isoDate });
    expect(runsOneWay(Stamped)).toBe(true);
    expect(serializer(Stamped)({ at: new Date('2026-12-05T10:00:00.000Z') })).toBe(
      '{"at":"2026-12-05T10:00:00.000Z"}',
    );
  });

  it('finds transforms, pipes and fallbacks wherever they are nested', () => {
    expect(runsOneWay(z.object({ a: z.array(z.string().transform((s) => s.length)) }))).toBe(true);
    expect(runsOneWay(z.object({ a: z.object({ b: EmailSchema.nullable() }) }))).toBe(true);
    expect(runsOneWay(z.object({ a: z.union([z.number(), z.string().catch('x')]) }))).toBe(true);
    expect(
      runsOneWay(
        z.record(
          z.string(),
          z.lazy(() => z.number()),
        ),
      ),
    ).toBe(true);
    expect(runsOneWay(z.object({ a: z.number().default(1), b: z.enum(['x']).optional() }))).toBe(false);
  });

  it('parses the comparison answers (no transform in them): the compiled path', () => {
    expect(runsOneWay(CompareResultSchema)).toBe(false);
    expect(runsOneWay(HeatmapResultSchema)).toBe(false);
    expect(runsOneWay(HealthSchema)).toBe(false);
  });

  it('answers 500 without the data when a route breaks its contract, and strips extra keys when it keeps it', async () => {
    const app = Fastify({ logger: false });
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(responseSerializerCompiler);
    registerErrorHandling(app);
    app.get('/api/ok', { schema: { response: { 200: Account } } }, async () => ({
      id: 1,
      email: 'a@b.org',
      passwordHash: 'secret-hash',
    }));
    app.get('/api/broken', { schema: { response: { 200: Account } } }, async () => ({
      id: 1,
      email: null,
      passwordHash: 'secret-hash',
    }));
    const ok = await app.inject({ method: 'GET', url: '/api/ok' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ id: 1, email: 'a@b.org' });
    const broken = await app.inject({ method: 'GET', url: '/api/broken' });
    expect(broken.statusCode).toBe(500);
    expect(broken.body).not.toContain('secret-hash');
    expect(broken.json().message).toBe('Internal server error');
    await app.close();
  });
});
