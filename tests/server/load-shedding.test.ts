import Fastify, { type FastifyInstance, type LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../../server/app';
import type { Database } from '../../server/db/client';
import { createWorkGate, GateLeftError, type WorkGate } from '../../server/lib/work-gate';
import { type Limits, registerLimits } from '../../server/plugins/limits';
import { openTestDatabase } from '../setup/test-db';

// Bounded concurrency is tested through the gates the routes use: the test takes slots itself
// (standing in for renders in progress) and watches the queue, so nothing depends on timing.

let database: Database;
const apps: FastifyInstance[] = [];

function limits(gates: Partial<Limits['gates']>, over: Partial<Limits> = {}): Limits {
  return {
    perMinute: { 'sign-in': 0, reports: 0, exports: 0, imports: 0 },
    gates: {
      reports: gates.reports ?? createWorkGate('reports', { concurrency: 2, queue: 2 }),
      exports: gates.exports ?? createWorkGate('exports', { concurrency: 2, queue: 2 }),
    },
    maxEventLoopDelayMs: 0,
    sampleIntervalMs: 1000,
    retryAfterSeconds: 7,
    ...over,
  };
}

async function app(l: Limits) {
  const a = await buildApp({ database, limits: l });
  await a.ready();
  apps.push(a);
  return a;
}

/** Takes n slots of the gate, as n requests in progress would. */
async function hold(gate: WorkGate, n: number) {
  const tickets = Array.from({ length: n }, () => gate.enter());
  for (const t of tickets) await t?.ready;
  expect(gate.running).toBe(n);
  return () => {
    for (const t of tickets) t?.leave();
  };
}

/** Starts the requests and records how many have been answered so far. */
function start(requests: (() => Promise<LightMyRequestResponse>)[]) {
  const answered = { count: 0 };
  const all = Promise.all(
    requests.map((r) =>
      r().then((res) => {
        answered.count++;
        return res;
      }),
    ),
  );
  return { answered, all };
}

beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => {
  for (const a of apps) await a.close();
  await database?.close();
});

describe('work gate', () => {
  it('runs at most `concurrency`, queues at most `queue`, refuses the rest, hands slots on in order', async () => {
    const gate = createWorkGate('g', { concurrency: 1, queue: 2 });
    const a = gate.enter();
    const b = gate.enter();
    const c = gate.enter();
    expect(gate.enter()).toBeNull();
    expect([gate.running, gate.waiting]).toEqual([1, 2]);
    const order: string[] = [];
    b?.ready.then(() => order.push('b'));
    c?.ready.then(
      () => order.push('c'),
      () => {},
    );
    a?.leave();
    a?.leave(); // twice: no effect
    await b?.ready;
    expect([gate.running, gate.waiting, order]).toEqual([1, 1, ['b']]);
    c?.leave(); // gives up its place while waiting
    await expect(c?.ready).rejects.toBeInstanceOf(GateLeftError);
    b?.leave();
    expect([gate.running, gate.waiting]).toEqual([0, 0]);
  });
});

describe('bounded report rendering', () => {
  it('6 PDF requests while both slots are busy: 2 wait and succeed, 4 get 503 with Retry-After', async () => {
    const reports = createWorkGate('reports', { concurrency: 2, queue: 2 });
    const a = await app(limits({ reports }));
    const release = await hold(reports, 2);
    const { answered, all } = start(
      Array.from({ length: 6 }, () => () => a.inject({ url: '/api/reports/country/JOR?lang=en' })),
    );
    await vi.waitFor(
      () => {
        expect(answered.count).toBe(4);
        expect(reports.waiting).toBe(2);
      },
      { timeout: 10_000 },
    );
    release();
    const answers = await all;
    const ok = answers.filter((r) => r.statusCode === 200);
    const busy = answers.filter((r) => r.statusCode === 503);
    expect([ok.length, busy.length]).toEqual([2, 4]);
    for (const r of ok) expect(r.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    for (const r of busy) {
      expect(r.headers['retry-after']).toBe('7');
      expect(r.json()).toMatchObject({
        error: 'Service Unavailable',
        statusCode: 503,
        message: 'reports: the server is busy with other reports (2 at a time, 2 waiting); try again in 7 s',
      });
    }
    // Every slot is given back once the answers are out.
    await vi.waitFor(() => expect([reports.running, reports.waiting]).toEqual([0, 0]), { timeout: 10_000 });
  });

  it('checks access and the query before queueing: a refused request takes no place', async () => {
    const reports = createWorkGate('reports', { concurrency: 1, queue: 0 });
    const open = await app(limits({ reports }));
    const closed = await buildApp({ database, limits: limits({ reports }), publicRead: false });
    apps.push(closed);
    const release = await hold(reports, 1);
    expect((await open.inject({ url: '/api/reports/comparison?format=docx' })).statusCode).toBe(400);
    expect((await closed.inject({ url: '/api/reports/country/JOR' })).statusCode).toBe(401);
    expect((await open.inject({ url: '/api/reports/country/JOR' })).statusCode).toBe(503);
    release();
  });
});

describe('bounded exports', () => {
  it('answers 503 while every export slot is busy, and holds a slot only while the file is sent', async () => {
    const exports = createWorkGate('exports', { concurrency: 1, queue: 0 });
    const a = await app(limits({ exports }));
    const url = '/api/exports/values?countries=JOR&format=csv';
    const release = await hold(exports, 1);
    const busy = await a.inject({ url });
    expect(busy.statusCode).toBe(503);
    expect(busy.headers['retry-after']).toBe('7');
    expect(busy.json().message).toMatch(/^exports: the server is busy with other exports/);
    release();
    const done = await a.inject({ url });
    expect(done.statusCode).toBe(200);
    expect(done.body.split('\n').length).toBeGreaterThan(10);
    await vi.waitFor(() => expect(exports.running).toBe(0), { timeout: 10_000 });
  });
});

describe('load shedding', () => {
  it('answers 503 with Retry-After while the event loop lags past the bound, and recovers', async () => {
    const a = await app(limits({}, { maxEventLoopDelayMs: 50, sampleIntervalMs: 100 }));
    // A runaway synchronous job: the loop is blocked for 150 ms at every turn while it runs.
    const job = setInterval(() => {
      const until = performance.now() + 150;
      while (performance.now() < until);
    }, 1);
    try {
      await vi.waitFor(() => expect(a.isUnderPressure()).toBe(true), { timeout: 20_000 });
      const res = await a.inject({ url: '/api/health' });
      expect(res.statusCode).toBe(503);
      expect(res.headers['retry-after']).toBe('7');
      expect(res.json()).toMatchObject({
        error: 'Service Unavailable',
        statusCode: 503,
        message: 'server: too busy right now; try again in 7 s',
      });
    } finally {
      clearInterval(job);
    }
    await vi.waitFor(async () => expect((await a.inject({ url: '/api/health' })).statusCode).toBe(200), {
      timeout: 20_000,
      interval: 200,
    });
  });
});

describe('limited routes', () => {
  it('refuses to start when a limited route is missing (renamed without the limits table)', async () => {
    const bare = Fastify();
    await registerLimits(bare, limits({}));
    bare.post('/api/auth/sign-in', async () => ({}));
    await expect(bare.ready()).rejects.toThrow(/Limited routes not registered .*GET \/api\/reports\/country/);
  });
});
