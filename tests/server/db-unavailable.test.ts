import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from '../../server/lib/db-errors';
import { registerErrorHandling } from '../../server/plugins/errors';

// What the drivers raise while Postgres restarts, as the error handler receives them (drizzle wraps
// the driver's error as `cause`).
const wrapped = (cause: object) => Object.assign(new Error('Failed query: select 1'), { cause });
const errno = (code: string) => Object.assign(new Error(code), { code });

describe('a database that is away is answered 503 with Retry-After', () => {
  it.each([
    ['connection refused', wrapped(errno('ECONNREFUSED'))],
    ['administrator shutdown (57P01)', wrapped(errno('57P01'))],
    ['starting up (57P03)', errno('57P03')],
    ['connection closed by the driver', errno('CONNECTION_CLOSED')],
    ['connection exception class 08', wrapped(errno('08006'))],
  ])('%s', async (_name, err) => {
    const app = Fastify();
    registerErrorHandling(app);
    app.get('/boom', async () => {
      throw err;
    });
    const res = await app.inject({ url: '/boom' });
    expect(res.statusCode).toBe(503);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(res.json()).toMatchObject({ statusCode: 503, error: 'Service Unavailable' });
    await app.close();
  });

  it('leaves other database errors as 500 (a bug, not an outage)', () => {
    expect(isDatabaseUnavailable(wrapped(errno('23505')))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError('x is undefined'))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });
});
