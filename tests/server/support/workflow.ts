import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import type { Database } from '../../../server/db/client';
import type { NATIONAL_MEASURE_TYPES } from '../../../shared/constants/indicator';
import { type Session, withCredential } from './auth';

export const as = (
  app: FastifyInstance,
  s: Session,
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  payload?: object,
) => app.inject(withCredential({ session: s }, { method, url, ...(payload ? { payload } : {}) }));

/** Adds a national indicator of this measure type to the plan (through the API, as a focal point). */
export async function addNationalIndicator(
  app: FastifyInstance,
  s: Session,
  planId: number,
  code: string,
  measureType: (typeof NATIONAL_MEASURE_TYPES)[number],
) {
  const res = await as(app, s, 'POST', `/api/plans/${planId}/indicators`, {
    indicator: { kind: 'national', code, name: `National ${measureType}`, measureType },
    direction: 'increase',
  });
  expect(res.statusCode, res.body).toBe(201);
}

/** Adds a yearly reporting period to the plan; answers it. */
export async function addPeriod(
  app: FastifyInstance,
  s: Session,
  planId: number,
  year: number,
  dueDate: string,
) {
  const res = await as(app, s, 'POST', `/api/plans/${planId}/periods`, { kind: 'year', year, dueDate });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number; code: string; submission: { version: number; state: string } };
}

/** Row counts of what a failed write must leave as it was. */
export async function workflowCounts(database: Database) {
  const [row] = await database.rows<Record<string, number>>(sql`
    select (select count(*)::int from indicator_values) as values,
      (select coalesce(sum(version), 0)::int from indicator_values) as versions,
      (select count(*)::int from audit_log) as audit,
      (select count(*)::int from value_comments) as comments,
      (select count(*)::int from value_evidence) as evidence,
      (select count(*)::int from plan_periods) as periods,
      (select count(*)::int from notifications) as notifications,
      (select coalesce(sum(version), 0)::int from submissions) as submission_versions`);
  return row;
}

export async function auditRows(database: Database, entityType: string, entityId: number | string) {
  return database.rows<{
    action: string;
    user_id: number | null;
    old: Record<string, unknown> | null;
    new: Record<string, unknown> | null;
  }>(sql`
    select action, user_id, old, new from audit_log
    where entity_type = ${entityType} and entity_id = ${String(entityId)} order by id`);
}
