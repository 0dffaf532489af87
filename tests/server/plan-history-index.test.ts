import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/client';
import type { HistoryEntry, Plan } from '../../shared';
import { openTestApp } from '../setup/test-db';
import { makeUser, role, type Session, signIn, withCredential } from './support/auth';

let database: Database;
let app: FastifyInstance;
let close: () => Promise<void>;
let focal: Session;
const plans: number[] = [];

const as = (_app: FastifyInstance, who: Session, method: string, url: string, payload?: object) =>
  app.inject(
    withCredential({ session: who }, { method: method as 'GET', url, ...(payload ? { payload } : {}) }),
  );

const MIGRATION = path.resolve(import.meta.dirname, '../../drizzle/0009_audit_plan_id.sql');
const PLAN_TYPES = sql`('plan', 'plan_objective', 'plan_activity', 'plan_indicator')`;

/** A plan with an objective, an activity that is changed then deleted, and a changed title. */
async function planWithHistory(title: string, start: number) {
  const created = await as(app, focal, 'POST', '/api/countries/JOR/plans', {
    title,
    periodStart: start,
    periodEnd: start + 2,
  });
  expect(created.statusCode, created.body).toBe(201);
  const id = (created.json() as Plan).id;
  const o = await as(app, focal, 'POST', `/api/plans/${id}/objectives`, {
    code: 'SO1',
    title: 'Awareness',
    gapObjective: 1,
  });
  expect(o.statusCode, o.body).toBe(201);
  const objectiveId = (o.json() as Plan).objectives[0]?.id;
  const a = await as(app, focal, 'POST', `/api/plans/${id}/activities`, {
    objectiveId,
    code: 'A1',
    title: 'Campaign',
  });
  expect(a.statusCode, a.body).toBe(201);
  const activity = (a.json() as Plan).activities[0];
  const del = await as(app, focal, 'DELETE', `/api/plans/${id}/activities/${activity?.id}?version=1`);
  expect(del.statusCode, del.body).toBe(200);
  const patch = await as(app, focal, 'PATCH', `/api/plans/${id}`, {
    title: `${title} (revised)`,
    version: 1,
  });
  expect(patch.statusCode, patch.body).toBe(200);
  return id;
}
const history = async (planId: number) => {
  const res = await as(app, focal, 'GET', `/api/plans/${planId}/history`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { items: HistoryEntry[] }).items.map((i) => `${i.entityType} ${i.action} ${i.label}`);
};

beforeAll(async () => {
  ({ app, database, close } = await openTestApp());
  await makeUser(database, 'phi-focal@example.org', [role('focal_point', 'JOR')]);
  focal = await signIn(app, 'phi-focal@example.org');
  plans.push(await planWithHistory('History plan one', 2041));
  plans.push(await planWithHistory('History plan two', 2051));
});
afterAll(async () => close?.());

describe('a plan’s history is read by an indexed plan_id', () => {
  it('every audit row of a plan and its elements carries the plan’s id, and the column is indexed', async () => {
    const rows = await database.rows<{ entity_type: string; plan_id: number | null; n: number }>(sql`
      select entity_type, plan_id, count(*)::int as n from audit_log
      where entity_type in ${PLAN_TYPES} and plan_id in (${plans[0]}, ${plans[1]})
      group by entity_type, plan_id order by plan_id, entity_type`);
    expect(rows).toEqual(
      plans.flatMap((id) => [
        { entity_type: 'plan', plan_id: id, n: 2 },
        { entity_type: 'plan_activity', plan_id: id, n: 2 },
        { entity_type: 'plan_objective', plan_id: id, n: 1 },
      ]),
    );
    const [missing] = await database.rows<{ n: number }>(sql`
      select count(*)::int as n from audit_log where entity_type in ${PLAN_TYPES} and plan_id is null`);
    expect(missing?.n).toBe(0);
    const indexes = await database.rows<{ indexdef: string }>(sql`
      select indexdef from pg_indexes where tablename = 'audit_log' and indexname = 'audit_log_plan_ix'`);
    expect(indexes[0]?.indexdef).toMatch(/\(plan_id, id\)/);
  });

  it('lists only the plan’s own rows, a deleted element’s included, newest first', async () => {
    expect(await history(plans[0] as number)).toEqual([
      'plan update Plan History plan one (revised)',
      'plan_activity delete Activity A1',
      'plan_activity create Activity A1',
      'plan_objective create Objective SO1',
      'plan create Plan History plan one',
    ]);
    expect((await history(plans[1] as number))[0]).toBe('plan update Plan History plan two (revised)');
  });

  it('the migration’s backfill sets plan_id on rows written before the column existed', async () => {
    const before = await Promise.all(plans.map(history));
    await database.rows(sql`update audit_log set plan_id = null`);
    expect(await history(plans[0] as number)).toEqual([]);
    const backfill = readFileSync(MIGRATION, 'utf8')
      .split('--> statement-breakpoint')
      .map((s) => s.trim())
      .filter((s) => s.startsWith('UPDATE'));
    expect(backfill).toHaveLength(2);
    for (const statement of backfill) await database.rows(sql.raw(statement));
    expect(await Promise.all(plans.map(history))).toEqual(before);
  });
});
