import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import type { Database } from '../../server/db/client';
import { type PeriodHistoryEntry, PeriodHistorySchema, SHEET_COLUMNS } from '../../shared';
import { openTestDatabase } from '../setup/test-db';
import { createToken, makeUser, role, type Session, signIn, withCredential } from './support/auth';
import { jordanTestPlan } from './support/plans';
import { uploadForm } from './support/upload';
import { addNationalIndicator, addPeriod, as } from './support/workflow';

let database: Database;
let app: FastifyInstance;
const s = {} as Record<'focal' | 'validator', Session>;
let periodId = 0;
const now = () => new Date('2021-04-15T10:00:00Z');
const url = (code: string) => `/api/values/JOR/national-jor/${code}/2020`;

beforeAll(async () => {
  database = await openTestDatabase();
  app = await buildApp({ database, now });
  await app.ready();
  await makeUser(database, 'hist-focal@example.org', [role('focal_point', 'JOR')]);
  await makeUser(database, 'hist-val@example.org', [role('validator', 'JOR')]);
  s.focal = await signIn(app, 'hist-focal@example.org');
  s.validator = await signIn(app, 'hist-val@example.org');
  const planId = await jordanTestPlan(database);
  await addNationalIndicator(app, s.focal, planId, 'H-PCT', 'percentage');
  await addNationalIndicator(app, s.focal, planId, 'H-YN', 'yes_no');
  await addNationalIndicator(app, s.focal, planId, 'H-NUM', 'number');
  periodId = (await addPeriod(app, s.focal, planId, 2020, '2021-03-31')).id;
});
afterAll(async () => {
  await app?.close();
  await database?.close();
});

async function history(path = `/api/periods/${periodId}/history`) {
  const res = await as(app, s.focal, 'GET', path);
  expect(res.statusCode, res.body).toBe(200);
  // The contract: typed entries, checked against the shared schema the client parses with.
  return PeriodHistorySchema.parse(res.json()).items;
}
const valueEntries = (items: PeriodHistoryEntry[], code: string) =>
  items.filter((i) => i.event.kind === 'value' && i.event.indicator.code === code);

describe('a period’s history: channel, submission and typed changes', () => {
  it('records a grid save, an API token write and a spreadsheet upload with their channel', async () => {
    // 1. The grid (a signed-in session): 45.5 %, with a comment; and a yes/no.
    const grid = await as(app, s.focal, 'PUT', url('H-PCT'), {
      status: 'reported',
      value: { type: 'percentage', percentage: 45.5 },
      comment: 'From the lab survey',
    });
    expect(grid.statusCode, grid.body).toBe(201);
    const yn = await as(app, s.focal, 'PUT', url('H-YN'), {
      status: 'reported',
      value: { type: 'yes_no', answer: true },
    });
    expect(yn.statusCode, yn.body).toBe(201);

    // 2. Submitted, then returned with a reason: the next changes belong to submission 2.
    const sub = await as(app, s.focal, 'POST', `/api/periods/${periodId}/submit`, { version: 1 });
    expect(sub.statusCode, sub.body).toBe(200);
    const ret = await as(app, s.validator, 'POST', `/api/periods/${periodId}/return`, {
      version: sub.json().submission.version,
      reason: 'The percentage looks low',
    });
    expect(ret.statusCode, ret.body).toBe(200);

    // 3. An API token named by its owner: 50 %, with an evidence link.
    const token = await createToken(app, s.focal, 'write', 'DHIS2 sync');
    const viaToken = await app.inject(
      withCredential(
        { token: token.token },
        {
          method: 'PUT',
          url: url('H-PCT'),
          payload: {
            status: 'reported',
            value: { type: 'percentage', percentage: 50 },
            version: 1,
            evidence: [{ url: 'https://example.org/lab-2020.pdf', title: 'Lab report 2020' }],
          },
        },
      ),
    );
    expect(viaToken.statusCode, viaToken.body).toBe(200);

    // 4. A spreadsheet upload: the number, and the yes/no changed to no data with a reason.
    const csv = [SHEET_COLUMNS.join(','), 'JOR,2020,national-jor,H-NUM,,number,,,,12,,,,reported,,'].join(
      '\r\n',
    );
    const up = await app.inject(
      withCredential(
        { session: s.focal },
        {
          method: 'POST',
          url: `/api/periods/${periodId}/import?dryRun=false`,
          payload: uploadForm({ name: 'jordan-2020.csv', data: Buffer.from(csv) }),
        },
      ),
    );
    expect(up.statusCode, up.body).toBe(200);

    const items = await history();
    // Newest first: the upload, the token write, the return, the submission, the grid saves.
    expect(items.map((i) => [i.event.kind, i.event.action, i.channel?.kind ?? null])).toEqual([
      ['value', 'create', 'upload'],
      ['value', 'update', 'token'],
      ['workflow', 'return', 'web'],
      ['workflow', 'submit', 'web'],
      ['value', 'create', 'grid'],
      ['value', 'create', 'grid'],
    ]);

    const [pctCreated] = valueEntries(items, 'H-PCT').slice(-1);
    expect(pctCreated).toMatchObject({
      user: { name: 'hist-focal' },
      channel: { kind: 'grid', detail: null },
      submission: { number: 1, after: null },
      event: {
        kind: 'value',
        action: 'create',
        indicator: { code: 'H-PCT', name: 'National percentage', measureType: 'percentage' },
        changes: [
          {
            field: 'value',
            from: { type: 'empty' },
            to: { type: 'number', measure: 'percentage', number: 45.5 },
          },
          { field: 'status', from: { type: 'empty' }, to: { type: 'status', status: 'reported' } },
          { field: 'comment', from: { type: 'empty' }, to: { type: 'text', text: 'From the lab survey' } },
        ],
      },
    });

    const [pctToken] = valueEntries(items, 'H-PCT');
    expect(pctToken?.channel).toEqual({ kind: 'token', detail: 'DHIS2 sync' });
    const returnedAt = items.find((i) => i.event.action === 'return')?.at;
    expect(pctToken?.submission).toEqual({ number: 2, after: { action: 'return', at: returnedAt } });
    // Only what changed: the value and the evidence (the comment stays, the status stays).
    expect(pctToken?.event.kind === 'value' && pctToken.event.changes).toEqual([
      {
        field: 'value',
        from: { type: 'number', measure: 'percentage', number: 45.5 },
        to: { type: 'number', measure: 'percentage', number: 50 },
      },
      {
        field: 'evidence',
        from: { type: 'empty' },
        to: {
          type: 'evidence',
          links: [{ url: 'https://example.org/lab-2020.pdf', title: 'Lab report 2020' }],
        },
      },
    ]);

    const [yes] = valueEntries(items, 'H-YN');
    expect(yes?.event.kind === 'value' && yes.event.changes[0]).toEqual({
      field: 'value',
      from: { type: 'empty' },
      to: { type: 'yes_no', answer: true },
    });

    const [num] = valueEntries(items, 'H-NUM');
    expect(num).toMatchObject({
      channel: { kind: 'upload', detail: 'jordan-2020.csv' },
      submission: { number: 2, after: { action: 'return' } },
    });

    const workflow = items.filter((i) => i.event.kind === 'workflow');
    expect(workflow.map((w) => [w.event, w.submission, w.user?.name])).toEqual([
      [
        { kind: 'workflow', action: 'return', reason: 'The percentage looks low' },
        { number: 1, after: null },
        'hist-val',
      ],
      [{ kind: 'workflow', action: 'submit', reason: null }, { number: 1, after: null }, 'hist-focal'],
    ]);
    // Structured, not sentences: no free text beyond what people typed (names, reasons, comments, titles).
    expect(JSON.stringify(items)).not.toMatch(/numericValue|statusReason|Value of|Submission/);
  });

  it('gives one grid row its own changes, still placed in their submission', async () => {
    const grid = (await as(app, s.focal, 'GET', `/api/periods/${periodId}/entry`)).json();
    const row = grid.rows.find((r: { indicator: { code: string } }) => r.indicator.code === 'H-PCT');
    const items = await history(`/api/periods/${periodId}/rows/${row.planIndicatorId}/history`);
    expect(items.map((i) => [i.event.action, i.channel?.kind, i.submission?.number])).toEqual([
      ['update', 'token', 2],
      ['create', 'grid', 1],
    ]);
  });

  it('shows no channel for entries written before channels were recorded, rather than a guess', async () => {
    const [first] = valueEntries(await history(), 'H-PCT').slice(-1);
    await database.rows(
      sql`update audit_log set channel = null, channel_detail = null where id = ${first?.id}`,
    );
    const [created] = valueEntries(await history(), 'H-PCT').slice(-1);
    expect(created?.id).toBe(first?.id);
    expect(created?.channel).toBeNull();
  });
});
