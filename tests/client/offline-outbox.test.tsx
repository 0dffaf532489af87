import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../client/lib/api-client';
import { forgetAnswers, keepAnswer, keptAnswer, mayKeep } from '../../client/lib/offline/answers';
import { offlineDb } from '../../client/lib/offline/db';
import {
  clearOutbox,
  flushOutbox,
  type OutboxEntry,
  type OutboxEvent,
  outboxEntries,
  queueValue,
  reopenOutbox,
  retryOutboxEntry,
  type SendResult,
  subscribeOutbox,
} from '../../client/lib/offline/outbox';
import { resultOfRefusal } from '../../client/lib/offline/send';
import type { Me, PutValueBody, StoredValue } from '../../shared';

const stored = (numericValue: number, version: number): StoredValue =>
  ({
    status: 'reported',
    level: null,
    numericValue,
    numerator: null,
    denominator: null,
    textValue: null,
    statusReason: null,
    version,
    updatedAt: '2026-12-04T10:00:00.000Z',
    updatedBy: { id: 2, name: 'Other person' },
    comment: null,
    evidence: [],
  }) as unknown as StoredValue;

const body = (percentage: number, version?: number): PutValueBody =>
  ({
    status: 'reported',
    value: { type: 'percentage', percentage },
    evidence: [],
    ...(version === undefined ? {} : { version }),
  }) as PutValueBody;

function queue(userId: number, rowId: number, b: PutValueBody, periodId = 10) {
  return queueValue({
    userId,
    periodId,
    rowId,
    iso3: 'JOR',
    code: `R${rowId}`,
    path: `/values/JOR/national-jor/R${rowId}/2022`,
    body: b,
    draft: { main: String((b.value as { percentage: number }).percentage) },
    csrf: 'csrf-1',
  });
}

beforeEach(async () => {
  const db = await offlineDb();
  await db?.clear('outbox');
  await db?.clear('answers');
  await forgetAnswers();
});

describe('the outbox', () => {
  it('keeps one entry per cell: a later save replaces the body, keeps its place and the version it started from', async () => {
    await queue(1, 100, body(40, 3));
    await queue(1, 200, body(10));
    await queue(1, 100, body(45, 3));
    const entries = await outboxEntries(1, 10);
    expect(
      entries.map((e) => [e.rowId, (e.body.value as { percentage: number }).percentage, e.body.version]),
    ).toEqual([
      [100, 45, 3],
      [200, 10, undefined],
    ]);
    expect(entries.every((e) => e.state === 'waiting')).toBe(true);
  });

  it('sends in the order saved, removes what the server accepted and tells the rows', async () => {
    await queue(1, 300, body(30));
    await queue(1, 100, body(10));
    await queue(1, 200, body(20));
    const events: OutboxEvent[] = [];
    const off = subscribeOutbox((e) => events.push(e));
    const order: number[] = [];
    const summary = await flushOutbox(1, async (e) => {
      order.push(e.rowId);
      return { kind: 'sent', stored: stored((e.body.value as { percentage: number }).percentage, 1) };
    });
    off();
    expect(order).toEqual([300, 100, 200]);
    expect(summary).toMatchObject({ sent: 3, conflicts: 0, aside: 0, stoppedBy: null });
    expect(await outboxEntries(1)).toEqual([]);
    expect(events.filter((e) => e.type === 'sent').map((e) => (e.type === 'sent' ? e.rowId : 0))).toEqual([
      300, 100, 200,
    ]);
  });

  it('stops at the first value it cannot send now, so that the order holds; a lost session stops it too', async () => {
    await queue(1, 100, body(10));
    await queue(1, 200, body(20));
    await queue(1, 300, body(30));
    let calls = 0;
    const flaky = async (): Promise<SendResult> =>
      ++calls === 2 ? { kind: 'retry' } : { kind: 'sent', stored: stored(1, 1) };
    const first = await flushOutbox(1, flaky);
    expect(first).toMatchObject({ sent: 1, stoppedBy: 'retry', waiting: 2 });
    expect((await outboxEntries(1)).map((e) => e.rowId)).toEqual([200, 300]);
    const second = await flushOutbox(1, async () => ({ kind: 'sign-in' }));
    expect(second.stoppedBy).toBe('sign-in');
    expect((await outboxEntries(1)).map((e) => e.rowId)).toEqual([200, 300]);
  });

  it('keeps a conflict with the newer value, and a refused value aside, until the user decides', async () => {
    await queue(1, 100, body(10, 1));
    await queue(1, 200, body(20, 1));
    const refusal = { statusCode: 409, error: 'Conflict', message: 'lock: submitted', code: 'locked' };
    const summary = await flushOutbox(1, async (e) =>
      e.rowId === 100
        ? { kind: 'conflict', theirs: stored(99, 2), refusal: { ...refusal, code: 'conflict' } }
        : { kind: 'aside', refusal },
    );
    expect(summary).toMatchObject({ sent: 0, conflicts: 1, aside: 1, stoppedBy: null });
    const [conflict, aside] = await outboxEntries(1);
    expect(conflict).toMatchObject({
      rowId: 100,
      state: 'conflict',
      theirs: { numericValue: 99, version: 2 },
    });
    expect(aside).toMatchObject({ rowId: 200, state: 'aside', refusal: { code: 'locked' } });
    // A later flush leaves them alone; "Try again" puts one back in the queue.
    expect((await flushOutbox(1, async () => ({ kind: 'sent', stored: stored(0, 9) }))).sent).toBe(0);
    await retryOutboxEntry(aside?.rowKey ?? '');
    expect((await flushOutbox(1, async () => ({ kind: 'sent', stored: stored(20, 2) }))).sent).toBe(1);
    expect((await outboxEntries(1)).map((e) => e.rowId)).toEqual([100]);
  });

  it('a value typed again while its earlier save was on its way stays queued, based on the new version', async () => {
    await queue(1, 100, body(10));
    await flushOutbox(1, async () => {
      await queue(1, 100, body(11));
      return { kind: 'sent', stored: stored(10, 1) };
    });
    const [entry] = await outboxEntries(1);
    expect(entry).toMatchObject({ state: 'waiting', body: { version: 1, value: { percentage: 11 } } });
  });

  it('sign-out clears the user’s entries and nobody else’s', async () => {
    await queue(1, 100, body(10));
    await queue(2, 100, body(20));
    await clearOutbox(1);
    expect(await outboxEntries(1)).toEqual([]);
    expect((await outboxEntries(2)).map((e: OutboxEntry) => e.userId)).toEqual([2]);
    reopenOutbox(1);
  });

  it('a save still on its way after the sign-out keeps nothing, until the person signs in again', async () => {
    // Started before the sign-out, its queueing comes after the clear: the entry must not come back.
    const late = queue(1, 100, body(10));
    await clearOutbox(1);
    expect(await late).toBe(false);
    expect(await queue(1, 101, body(11))).toBe(false);
    expect(await outboxEntries(1)).toEqual([]);
    // Another person on the same browser is not affected.
    expect(await queue(2, 100, body(20))).toBe(true);
    reopenOutbox(1);
    expect(await queue(1, 102, body(12))).toBe(true);
    expect((await outboxEntries(1)).map((e: OutboxEntry) => e.rowId)).toEqual([102]);
  });
});

describe('what a refusal means for a queued value', () => {
  const err = (statusCode: number, extra: Partial<ConstructorParameters<typeof ApiError>[0]> = {}) =>
    new ApiError({ statusCode, error: 'x', message: 'm', ...extra });
  it('waits on no network, a server failure or a rate limit; asks to sign in on 401', () => {
    for (const s of [0, 500, 503, 429])
      expect(resultOfRefusal(err(s), { success: false }).kind).toBe('retry');
    expect(resultOfRefusal(err(401), { success: false }).kind).toBe('sign-in');
  });
  it('a 409 with the current value is a conflict; a locked period or another refusal is kept aside', () => {
    expect(resultOfRefusal(err(409), { success: true, data: stored(5, 2) })).toMatchObject({
      kind: 'conflict',
      theirs: { version: 2 },
    });
    expect(resultOfRefusal(err(409, { code: 'locked' }), { success: false })).toMatchObject({
      kind: 'aside',
      refusal: { code: 'locked', statusCode: 409 },
    });
    expect(resultOfRefusal(err(403), { success: false }).kind).toBe('aside');
  });
});

describe('the answers kept for working offline', () => {
  const me = (id: number, roles: Me['roles'], sessionExpiresAt = '2099-01-01T00:00:00.000Z'): Me =>
    ({
      id,
      email: `u${id}@x.org`,
      displayName: `U${id}`,
      demo: false,
      roles,
      locale: null,
      emailReminders: true,
      via: 'session',
      scope: 'write',
      csrfToken: 'c',
      sessionExpiresAt,
    }) as Me;
  const focal = me(1, [{ role: 'focal_point', country: 'JOR', sectors: [] }]);
  const facilitator = me(3, [{ role: 'facilitator', country: null, sectors: [] }]);

  const focalOwner = { userId: 1, allCountries: false };
  it('keeps a focal point’s pages and public pages; a facilitator’s only who they are and what is due', () => {
    const facilitatorOwner = { userId: facilitator.id, allCountries: true };
    expect(mayKeep('/periods/12/entry', focalOwner)).toBe(true);
    expect(mayKeep('/countries/JOR/plans', focalOwner)).toBe(true);
    expect(mayKeep('/compare/heatmap?group=who:EMR', focalOwner)).toBe(true);
    expect(mayKeep('/users', focalOwner)).toBe(false);
    expect(mayKeep('/tokens', focalOwner)).toBe(false);
    expect(mayKeep('/briefing-sessions', focalOwner)).toBe(false);
    expect(mayKeep('/periods/12/entry', facilitatorOwner)).toBe(false);
    expect(mayKeep('/countries/EGY', facilitatorOwner)).toBe(false);
    expect(mayKeep('/due', facilitatorOwner)).toBe(true);
    expect(mayKeep('/countries/JOR', null)).toBe(true);
  });

  it('answers the person the server answered; another person’s answer forgets everything', async () => {
    await keepAnswer('/auth/me', focal, focalOwner);
    await keepAnswer('/periods/12/entry', { rows: [1, 2] }, focalOwner);
    await keepAnswer('/users', [{ id: 9 }], focalOwner);
    expect((await keptAnswer('/periods/12/entry'))?.body).toEqual({ rows: [1, 2] });
    expect(await keptAnswer('/users')).toBeNull();
    // A late answer to a visitor (signed out meanwhile) is not mixed with the person's.
    await keepAnswer('/countries/JOR', { iso3: 'JOR' }, null);
    expect(await keptAnswer('/periods/12/entry')).toBeNull();
    await keepAnswer('/auth/me', me(2, [{ role: 'focal_point', country: 'EGY', sectors: [] }]), {
      userId: 2,
      allCountries: false,
    });
    expect(await keptAnswer('/countries/JOR')).toBeNull();
  });

  it('expires with the session', async () => {
    const ending = me(1, focal.roles, '2026-12-04T12:00:00.000Z');
    await keepAnswer('/auth/me', ending, focalOwner, new Date('2026-12-04T10:00:00.000Z'));
    await keepAnswer('/due', [], focalOwner, new Date('2026-12-04T10:00:00.000Z'));
    expect(await keptAnswer('/due', new Date('2026-12-04T11:59:00.000Z'))).not.toBeNull();
    expect(await keptAnswer('/due', new Date('2026-12-04T12:00:01.000Z'))).toBeNull();
  });
});
